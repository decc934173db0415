package fi.hbflow.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ruling on a rectification request: a decision with its reasons and appeal instructions (SHL 51 §, HL 47 §). */
class RulingDocumentTest {

  private static final RulingDocument.Appeal APPEAL = new RulingDocument.Appeal("Itä-Suomen hallinto-oikeus",
      "PL 1744, 70101 Kuopio, ita-suomi.hao@oikeus.example", "Kirjaamo, PL 100, 53101 Lappeenranta");

  private static Map<String, Object> rejectedRequest() {
    Map<String, Object> v = new HashMap<>();
    v.put("hbAsia", "HB-2026-000007");
    v.put("asiakasNimi", "Aino Asiakas");
    v.put("kotikunta", "Lappeenranta");
    v.put("paatos", "myonnetty");
    v.put("paatospaiva", "2026-06-12");
    v.put("oikaisuvaatimuksenSaapumispaiva", "2026-06-20");
    v.put("oikaisuvaatimuksenSisalto", "Avustajatunnit eivät riitä <b>opiskeluun</b>.");
    v.put("oikaisuvaatimuksenRatkaisu", "hylatty");
    v.put("oikaisuvaatimuksenPerustelut", "Arvioitu tarve on 40 tuntia kuukaudessa; lisätarvetta ei ole esitetty.");
    v.put("oikaisuvaatimuksenRatkaisija", "jaosto");
    v.put("oikaisuvaatimuksenRatkaisijanNimi", "Jaana Jaosto");
    v.put("oikaisuvaatimuksenRatkaisijanSahkoposti", "jaosto@example.fi");
    return v;
  }

  @Test
  void aRulingHasItsOutcomeReasonsProvisionsContactAndAppealInstructions() {
    RulingDocument doc = new RulingDocument(rejectedRequest(), APPEAL, LocalDate.of(2026, 7, 1));
    for (String text : new String[] {doc.html(), doc.markdown()}) {
      assertThat(text).contains("Päätös oikaisuvaatimukseen", "HB-2026-000007", "1.7.2026", "Yksilöasioiden jaosto",
          "Aino Asiakas", "HB myönnetty 12.6.2026", "20.6.2026");
      assertThat(text).contains("Oikaisuvaatimus hylätään. Alkuperäinen päätös pysyy voimassa.",
          "Arvioitu tarve on 40 tuntia kuukaudessa; lisätarvetta ei ole esitetty.");
      assertThat(text).contains("Sovelletut säännökset", "Sosiaalihuoltolaki 1301/2014 50 §",
          "Hallintolaki 434/2003 49 a–49 g §", "kiireellisenä 49 e §", "Hallintolaki 434/2003 44–47 §");
      assertThat(text).contains("Lisätietoja päätöksestä antaa:", "Jaana Jaosto", "jaosto@example.fi");
      // HL 47 §: the appeal authority, where to deliver, the period and from when, content, attachments, delivery, fees
      assertThat(text).contains("Valitusosoitus", "hallinto-oikeuteen", "sosiaalihuoltolaki 1301/2014 51 §",
          "Itä-Suomen hallinto-oikeus", "PL 1744, 70101 Kuopio", "Kirjaamo, PL 100, 53101 Lappeenranta",
          "30 päivän kuluessa siitä, kun olet saanut tämän päätöksen tiedoksi", "808/2019 13 § 2 mom",
          "seitsemäntenä päivänä kirjeen lähettämisestä", "13/2003 19 § 2 mom", "808/2019 7 § 2 mom",
          "asianumero HB-2026-000007", "mitä muutoksia siihen vaaditaan", "Liitä valitukseen",
          "Lähettäjä vastaa siitä, että valitus on perillä ajoissa", "oikeudenkäyntimaksun");
      assertThat(text).doesNotContain("<b>opiskeluun", "Oikaisuvaatimusohje").doesNotContainPattern("(?i)\\bnull\\b");
    }
  }

  @Test
  void anUpheldRequestSaysTheCaseIsDecidedAnew() {
    Map<String, Object> v = rejectedRequest();
    v.put("oikaisuvaatimuksenRatkaisu", "hyvaksytty");
    assertThat(new RulingDocument(v, APPEAL, LocalDate.of(2026, 7, 1)).markdown())
        .contains("Oikaisuvaatimus hyväksytään", "asiassa tehdään uusi päätös").doesNotContain("pysyy voimassa");
  }

  @Test
  void anUpheldRequestThatChangesTheAmountSaysTheBudgetIsCalculatedAnewAndUseIsKept() {
    Map<String, Object> v = rejectedRequest();
    v.put("oikaisuvaatimuksenRatkaisu", "hyvaksytty");
    assertThat(new RulingDocument(v, APPEAL, LocalDate.of(2026, 7, 1)).markdown())
        .doesNotContain("lasketaan uudelleen");
    v.put("oikaisuMuuttaaBudjettia", "kylla");
    assertThat(new RulingDocument(v, APPEAL, LocalDate.of(2026, 7, 1)).markdown())
        .contains("budjetti lasketaan uudelleen ennen uutta päätöstä", "kirjatut kulut siirtyvät uuteen budjettiin");
    v.put("paatos", "hylatty"); // a refused HB has no budget in use
    assertThat(new RulingDocument(v, APPEAL, LocalDate.of(2026, 7, 1)).markdown())
        .contains("budjetti lasketaan uudelleen").doesNotContain("kirjatut kulut");
  }

  @Test
  void aRulingNeedsAnOutcomeAndACourt() {
    Map<String, Object> v = rejectedRequest();
    v.remove("oikaisuvaatimuksenRatkaisu");
    assertThatThrownBy(() -> new RulingDocument(v, APPEAL, LocalDate.of(2026, 7, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RulingDocument.Appeal(" ", null, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
