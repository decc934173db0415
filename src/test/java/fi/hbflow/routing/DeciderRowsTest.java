package fi.hbflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.identity.Roles;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * Vammaispalvelulaki 675/2023 5 § 1 mom: a disabled person's services are always decided by a social-welfare
 * professional in public office. Every row of the delegation rules names a group of {@link
 * Roles#DECIDERS_IN_PUBLIC_OFFICE}, the one list of such groups.
 */
class DeciderRowsTest {

  @Test
  void everyDelegationRowNamesAGroupOfSocialWelfareProfessionalsInPublicOffice() throws Exception {
    DmnModelInstance model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/hb-delegointisaannot.dmn")) {
      model = Dmn.readModelFromStream(in);
    }
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    List<Output> outputs = List.copyOf(table.getOutputs());
    int column = outputs.indexOf(outputs.stream().filter(o -> "paattajaRyhma".equals(o.getName())).findFirst()
        .orElseThrow());
    List<Rule> rules = List.copyOf(table.getRules());
    assertThat(rules).isNotEmpty();
    for (Rule rule : rules) {
      String group = List.copyOf(rule.getOutputEntries()).get(column).getText().getTextContent().strip().replace("\"", "");
      assertThat(group).as("delegation row %s", rule.getId()).isIn(Roles.DECIDERS_IN_PUBLIC_OFFICE);
    }
  }

  @Test
  void groupsThatAreNoOfficeHoldersOfSocialWelfareAreNotOnTheList() {
    assertThat(Roles.DECIDERS_IN_PUBLIC_OFFICE).doesNotContain(Roles.SERVICE_COORDINATION, Roles.HB_RESPONSIBLE,
        Roles.DEVELOPERS, Roles.PROCESS_OWNERS, Roles.MANAGEMENT, Roles.DATA_PROTECTION);
  }
}
