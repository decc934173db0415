package fi.hbflow.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.TestEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The log's table and writer on the model tests' database (H2, or PostgreSQL with {@code -Dhbflow.test.db=postgres}):
 * {@code schema.sql} as the application runs it at every start (twice: it must be idempotent), rows written and read
 * back newest first per case, long lists of names cut to the column.
 */
class JdbcReadAccessLogTest {

  static DataSource dataSource;
  JdbcReadAccessLog log;

  @BeforeAll
  static void schema() {
    dataSource = ((ProcessEngineConfigurationImpl) TestEngine.engine().getProcessEngineConfiguration())
        .getDataSource();
    for (int start = 0; start < 2; start++) {
      new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
    }
  }

  @BeforeEach
  void empty() {
    new JdbcTemplate(dataSource).update("DELETE FROM hb_lukuloki");
    log = new JdbcReadAccessLog(dataSource);
  }

  @Test
  void rowsComeBackPerCaseNewestFirst() {
    Instant t = Instant.parse("2026-03-02T10:15:30.123Z");
    ReadAccess form = new ReadAccess(t, "sanna", "Sanna Sosiaalityöntekijä", "p1", "HB-2026-000001",
        ReadKind.TASK_FORM.label(), List.of("asiakasNimi", "henkilotunnus"), "asiakastyö: HB-päätös");
    ReadAccess other = new ReadAccess(t.plusSeconds(1), "pia", null, "p2", "HB-2026-000002",
        ReadKind.CASE_VARIABLES.label(), List.of("kotikunta"), "asiakastyö");
    ReadAccess admin = new ReadAccess(t.plusSeconds(2), "demo", null, "p1c", "HB-2026-000001",
        ReadKind.HISTORIC_VARIABLES.label(), List.of("paatosasiakirja"), "pääkäyttäjä");
    ReadAccess sameMoment = new ReadAccess(t.plusSeconds(2), "tiina", "Tiina T", "p1", "HB-2026-000001",
        ReadKind.ACCESS_LOG.label(), List.of(), "tietosuojavalvonta");
    log.record(List.of(form, other));
    log.record(List.of(admin, sameMoment));

    assertThat(log.ofCase("HB-2026-000001")).containsExactly(sameMoment, admin, form);
    assertThat(log.ofCase("HB-2026-000002")).containsExactly(other);
    assertThat(log.ofCase("HB-2026-999999")).isEmpty();
    assertThat(log.ofCase("HB-2026-000001").get(2).what())
        .isEqualTo("tehtävän lomake: asiakasNimi, henkilotunnus");
  }

  @Test
  void anExportOfManyCasesIsWrittenInBatchesAndAVeryLongListIsCutAtAName() {
    List<ReadAccess> many = new ArrayList<>();
    IntStream.range(0, 1_201).forEach(i -> many.add(new ReadAccess(Instant.now(), "kehittaja", null, "p" + i,
        "HB-2026-" + i, ReadKind.RESEARCH_EXPORT.label(), List.of("ikaryhma"), Purposes.RESEARCH)));
    log.record(many);
    assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM hb_lukuloki", Integer.class))
        .isEqualTo(1_201);

    List<String> names = new ArrayList<>(Collections.nCopies(20_000, "muuttuja_123"));
    log.record(List.of(new ReadAccess(Instant.now(), "demo", null, "p", "HB-PITKA", "asian tiedot", names, "x")));
    List<String> stored = log.ofCase("HB-PITKA").get(0).variableNames();
    assertThat(stored.size()).isLessThan(names.size());
    assertThat(stored.get(stored.size() - 1)).isEqualTo("…");
    assertThat(stored.subList(0, stored.size() - 1)).allMatch("muuttuja_123"::equals);
    assertThat(String.join(JdbcReadAccessLog.SEPARATOR, stored).length())
        .isLessThanOrEqualTo(JdbcReadAccessLog.MAX_NAMES_LENGTH);
  }

  @Test
  void theReadersGroupsAndADisclosuresRecipientAndProvisionAreKept() {
    Instant t = Instant.parse("2026-03-02T10:15:30.123Z");
    ReadAccess read = new ReadAccess(t, "sanna", "Sanna S", "p1", "HB-2026-000003", ReadKind.TASK_FORM.label(),
        List.of("asiakasNimi"), "asiakastyö", List.of("sosiaalityo", "palveluohjaus"), null, null);
    ReadAccess disclosure = new ReadAccess(t.plusSeconds(1), "olli", "Olli O", "p1", "HB-2026-000003",
        ReadKind.RESEARCH_EXPORT.label(), List.of("ikaryhma"), Purposes.RESEARCH, List.of("prosessinomistajat"),
        Purposes.RESEARCH_RECIPIENT, Purposes.RESEARCH_BASIS);
    log.record(List.of(read, disclosure));

    assertThat(log.ofCase("HB-2026-000003")).containsExactly(disclosure, read);
    assertThat(log.ofCase("HB-2026-000003").get(0).disclosure()).isTrue();
    assertThat(log.ofCase("HB-2026-000003").get(1).disclosure()).isFalse();
    assertThat(JdbcReadAccessLog.groups(Collections.nCopies(200, "ryhma-123456"))).hasSizeLessThanOrEqualTo(
        JdbcReadAccessLog.MAX_GROUPS_LENGTH).endsWith("ryhma-123456");
  }
}
