package fi.hbflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.forms.FormValues;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The support rules without an engine: the change-of-supporter start form and what a choice leaves behind. */
class SupportRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  @Test
  void theCaseNumberIsReadLeniently() {
    FormValues form = new FormValues(Map.of("hbAsia", " hb-2026-000123 ", "vaihdonSyy", "Tukija muuttaa pois."), TODAY);
    SupportRules.changeStart(form);
    assertThat(form.problems()).isEmpty();
    assertThat(form.derived()).containsEntry("hbAsia", "HB-2026-000123");
  }

  @Test
  void aMalformedCaseNumberAndAMissingReasonAreBothReported() {
    Map<String, Object> values = new HashMap<>();
    values.put("hbAsia", "2026-123");
    FormValues form = new FormValues(values, TODAY);
    SupportRules.changeStart(form);
    assertThat(form.problems()).hasSize(2);
    assertThat(String.join(" ", form.problems())).contains("'2026-123' on väärän muotoinen").contains("Tuen vaihdon syy puuttuu");
  }

  @Test
  void everySupportVariableIsListedOnceAndTheOtherModelsVariablesAreCleared() {
    assertThat(SupportRules.supportVariables()).doesNotHaveDuplicates().startsWith("tukimalli", "tukijanNimi")
        .contains("vastuuhenkilo", "jarjestonNimi", "palvelusetelinArvoSentit");

    Map<String, Object> variables = new HashMap<>();
    variables.put("tukimalli", "JARJESTO");
    variables.put("tukijanNimi", "Järjestö ry");
    variables.put("jarjestonNimi", "Järjestö ry");
    variables.put("vastuuhenkiloOttaaVastaan", "ei");
    variables.put("palvelusetelinTunnus", "PS-1");
    variables.put("asiakasNimi", "Aino Asiakas");

    Map<String, Object> values = SupportRules.supportValues(variables);
    assertThat(values).containsOnlyKeys(SupportRules.supportVariables())
        .containsEntry("tukimalli", "JARJESTO").containsEntry("jarjestonNimi", "Järjestö ry")
        .containsEntry("vastuuhenkiloOttaaVastaan", null).containsEntry("palvelusetelinTunnus", null);
  }

  @Test
  void theVoucherValueIsKeptInCentsAndMustBePositive() {
    FormValues ok = new FormValues(Map.of("tukipalvelunTuottaja", "Tukipalvelu Oy", "palvelusetelinArvoEuroaKk", "1 250,5",
        "palvelusetelinTunnus", "PS-7"), TODAY);
    SupportRules.supportVoucher(ok);
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.derived()).containsEntry("palvelusetelinArvoSentit", 125_050L);

    FormValues zero = new FormValues(Map.of("tukipalvelunTuottaja", "Tukipalvelu Oy", "palvelusetelinArvoEuroaKk", "0,00",
        "palvelusetelinTunnus", "PS-7"), TODAY);
    SupportRules.supportVoucher(zero);
    assertThat(zero.problems()).singleElement().asString().contains("suurempi kuin 0");
  }
}
