package fi.hbflow.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hbflow.identity.Roles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grouping of one request's reads into log rows, what a row says, and the purpose of use. */
class CaseReadsTest {

  static final Instant AT = Instant.parse("2026-03-02T10:15:30Z");

  @Test
  void oneRowPerCaseWithItsVariableNamesEachOnceAndSorted() {
    CaseReads reads = new CaseReads()
        .add("p1", "henkilotunnus").add("p2", "kotikunta").add("p1", "asiakasNimi").add("p1", "henkilotunnus")
        .addAll("p3", List.of("paatosasiakirja"))
        // a standalone task's variable belongs to no case; a name-less item is nothing
        .add(null, "x").add("p2", null);
    assertThat(reads.processInstanceIds()).containsExactly("p1", "p2", "p3");

    List<ReadAccess> rows = reads.toRows(AT, "sanna", "Sanna S", ReadKind.VARIABLE_SEARCH, "asiakastyö",
        Map.of("p1", "HB-2026-000001", "p2", "HB-2026-000002"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).isEqualTo(new ReadAccess(AT, "sanna", "Sanna S", "p1", "HB-2026-000001",
        "tietojen haku", List.of("asiakasNimi", "henkilotunnus"), "asiakastyö"));
    assertThat(rows.get(1).variableNames()).containsExactly("kotikunta");
    // a case whose key could not be found is logged all the same, by its process instance
    assertThat(rows.get(2).businessKey()).isNull();
    assertThat(rows.get(2).what()).isEqualTo("tietojen haku: paatosasiakirja");
  }

  @Test
  void nothingReadIsNoRow() {
    CaseReads reads = new CaseReads().add(null, "asiakasNimi").addAll("p1", null);
    assertThat(reads.isEmpty()).isTrue();
    assertThat(reads.toRows(AT, "sanna", null, ReadKind.TASK_FORM, "asiakastyö", Map.of())).isEmpty();
  }

  @Test
  void aRowNeedsWhoWhatWhyAndWhen() {
    assertThatThrownBy(() -> new ReadAccess(AT, null, null, "p1", "HB-1", "x", List.of(), "y"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ReadAccess(AT, "u", null, "p1", "HB-1", "x", List.of(), null))
        .isInstanceOf(NullPointerException.class);
    assertThat(new ReadAccess(AT, "u", null, null, "HB-1", "lukuloki", null, "tietosuojavalvonta").what())
        .isEqualTo("lukuloki");
    assertThat(ReadAccess.nameOf("Tiina", "Tietosuojavastaava")).isEqualTo("Tiina Tietosuojavastaava");
    assertThat(ReadAccess.nameOf(null, "Testi")).isEqualTo("Testi");
    assertThat(ReadAccess.nameOf(" ", null)).isNull();
  }

  @Test
  void thePurposeFollowsWhoReadAndWhichStep() {
    assertThat(Purposes.of(List.of(Roles.SOCIAL_WORK), "HB-päätös")).isEqualTo("asiakastyö: HB-päätös");
    assertThat(Purposes.of(List.of(Roles.SOCIAL_WORK), null)).isEqualTo("asiakastyö");
    assertThat(Purposes.of(null, " ")).isEqualTo("asiakastyö");
    assertThat(Purposes.of(List.of("camunda-admin", Roles.SOCIAL_WORK), "HB-päätös")).isEqualTo("pääkäyttäjä");
    assertThat(Purposes.of(List.of(Roles.DATA_PROTECTION, "camunda-admin"), null)).isEqualTo("tietosuojavalvonta");
    assertThat(Purposes.of(List.of(Roles.MANAGEMENT), null)).isEqualTo("toiminnan johtaminen ja valvonta");
    assertThat(Purposes.of(List.of(Roles.PROCESS_OWNERS), null)).isEqualTo("toiminnan johtaminen ja valvonta");
    // a process owner who works a task's form works it as client work
    assertThat(Purposes.of(List.of(Roles.PROCESS_OWNERS), "Seuranta")).isEqualTo("asiakastyö: Seuranta");
  }
}
