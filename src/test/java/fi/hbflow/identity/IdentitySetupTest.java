package fi.hbflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.TestEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seeded Tasklist filters: one per working group, idempotent, and without case-variable columns. */
class IdentitySetupTest {

  static final ProcessEngine ENGINE = TestEngine.engine();
  final FilterService filters = ENGINE.getFilterService();

  @AfterEach
  void removeSeededFilters() {
    filters.createFilterQuery().filterNameLike("HB: %").list().forEach(f -> filters.deleteFilter(f.getId()));
  }

  @Test
  void oneFilterPerWorkingGroupWithoutVariableColumns() {
    new IdentitySetup(ENGINE).seed(false, "x");
    new IdentitySetup(ENGINE).seed(false, "x");
    List<Filter> seeded = filters.createFilterQuery().filterNameLike("HB: %").list();
    assertThat(seeded).hasSize((int) Roles.ALL.stream().filter(Roles.Role::worksTasks).count());
    assertThat(seeded).allSatisfy(f -> assertThat(f.getProperties()).doesNotContainKey("variables")
        .containsEntry("refresh", true));
  }

  @Test
  void aFilterOfAnEarlierVersionLosesItsVariableColumnsAndKeepsItsPlace() {
    Filter old = filters.newTaskFilter("HB: Sosiaalityö")
        .setQuery(ENGINE.getTaskService().createTaskQuery().taskCandidateGroup(Roles.SOCIAL_WORK))
        .setProperties(Map.of("priority", 7, "variables", List.of(Map.of("name", "asiakasNimi", "label", "Asiakas"))));
    filters.saveFilter(old);
    new IdentitySetup(ENGINE).seed(false, "x");
    Filter upgraded = filters.getFilter(old.getId());
    assertThat(upgraded.getProperties()).doesNotContainKey("variables").containsEntry("priority", 7);
    assertThat(filters.createFilterQuery().filterName("HB: Sosiaalityö").count()).isEqualTo(1);
  }
}
