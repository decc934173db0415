package fi.hbflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.research.Evaluations.Evaluation;
import fi.hbflow.research.Feedbacks.Feedback;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResearchCsvTest {

  static final Pseudonyms PSEUDONYMS = new Pseudonyms("test-key-0123456789abcdef");
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  static final String SECRET = "SALAINEN-TEKSTI";

  static Date finnish(String day) {
    return Date.from(LocalDate.parse(day).atStartOfDay(ZoneId.of("Europe/Helsinki")).toInstant());
  }

  static Map<String, Object> implementedCase() {
    Map<String, Object> v = new HashMap<>();
    v.put("ikaryhma", "aikuinen");
    v.put("kotikunta", "Luumäki");
    v.put("hbSoveltuu", "kylla");
    v.put("tukimalli", "VERTAISTUKI");
    v.put("vireilletulopaiva", "2026-06-01");
    v.put("arvioinninAloituspaiva", "2026-06-05");
    v.put("paatospaiva", "2026-06-12");
    v.put("toteutuksenAloituspaiva", "2026-09-15");
    v.put("erapaiva_ARVIOINTI_ALKAA", finnish("2026-06-10"));
    v.put("erapaiva_PAATOS", finnish("2026-09-01"));
    v.put("erapaiva_TOTEUTUS", finnish("2026-09-01"));
    v.put("vuosibudjettiSentit", 2_212_740L);
    v.put("budjettiKausiSentit", 2_212_750L);
    v.put("kaytettySentit", 12_349L);
    v.put(Evaluations.VARIABLE, Evaluations.of(null)
        .with(new Evaluation("soveltuvuus", LocalDate.of(2026, 6, 8), "sosiaalityontekija", List.of("liikunta"), null,
            List.of("osallisuus"), SECRET, List.of(), null, SECRET, SECRET))
        .with(new Evaluation("seuranta", LocalDate.of(2026, 11, 30), "sosiaalityontekija", List.of("kuulo", "muu"),
            SECRET, List.of("itsemaaraaminen", "muu"), SECRET, List.of("tuki"), SECRET, SECRET, SECRET)).toValue());
    v.put(Feedbacks.VARIABLE, Feedbacks.of(null)
        .with(new Feedback(LocalDate.of(2026, 11, 30), "sosiaalityontekija", false,
            Map.of("paatinItse", 4, "sainTuen", 5, "palvelutSopivat", 3, "tyytyvainen", 4), "asiakas_itse", SECRET))
        .with(Feedback.declined(LocalDate.of(2026, 12, 1), "sosiaalityontekija")).toValue());
    return v;
  }

  static Map<String, String> byColumn(List<String> row) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < ResearchCsv.COLUMNS.size(); i++) {
      m.put(ResearchCsv.COLUMNS.get(i), row.get(i));
    }
    return m;
  }

  @Test
  void aCaseBecomesOneRowOfCodesNumbersAndFlags() {
    List<String> row = ResearchCsv.row(new CaseData("HB-2026-000001", false, false, implementedCase(), Map.of()),
        PSEUDONYMS, TODAY);
    assertThat(row).hasSameSizeAs(ResearchCsv.COLUMNS);
    Map<String, String> r = byColumn(row);

    assertThat(r.get("pseudonyymi")).isEqualTo(PSEUDONYMS.of("HB-2026-000001"));
    assertThat(r).containsEntry("ikaryhma", "aikuinen").containsEntry("kuntaryhma", "muu Etelä-Karjala")
        .containsEntry("hbSoveltuu", "kylla").containsEntry("tukimalli", "VERTAISTUKI").containsEntry("hbTulos", "kesken")
        .containsEntry("oikaisuvaatimuksenRatkaisu", "");
    assertThat(r).containsEntry("paivatArvioinninAlkuun", "4").containsEntry("arviointiAlkoiMaaraajassa", "kylla")
        .containsEntry("paivatPaatokseen", "11").containsEntry("paatosMaaraajassa", "kylla")
        .containsEntry("paivatToteutukseen", "106").containsEntry("toteutusMaaraajassa", "ei");
    assertThat(r).containsEntry("vuosibudjettiEur", "22127").containsEntry("kausibudjettiEur", "22128")
        .containsEntry("kaytettyEur", "123");
    // the latest evaluation's structured fields only
    assertThat(r).containsEntry("arviointeja", "2").containsEntry("viimeisinArviointiVaihe", "seuranta")
        .containsEntry("toimintarajoite_liikunta", "0").containsEntry("toimintarajoite_kuulo", "1")
        .containsEntry("toimintarajoite_muu", "1").containsEntry("hyoty_itsemaaraaminen", "1")
        .containsEntry("hyoty_osallisuus", "0").containsEntry("edellytys_tuki", "1").containsEntry("edellytys_oma_halu", "0");
    assertThat(r).containsEntry("palautteita", "1").containsEntry("palautteestaKieltaytyi", "1")
        .containsEntry("palauteKa_paatinItse", "4,00").containsEntry("palauteKa_palvelutSopivat", "3,00")
        .containsEntry("tyytyvaisyysViimeisin", "4,00");
    assertThat(String.join(";", row)).doesNotContain(SECRET).doesNotContain("HB-2026").doesNotContain("Luumäki")
        .doesNotContain("sosiaalityontekija");
  }

  @Test
  void leadTimesCountTheFirstEventNotALaterReassessment() {
    Map<String, Object> v = implementedCase();
    v.put("arvioinninAloituspaiva", "2027-01-10"); // re-assessed after a review
    CaseData data = new CaseData("HB-2026-000001", false, false, v, Map.of("arvioinninAloituspaiva", "2026-06-05"));
    Map<String, String> r = byColumn(ResearchCsv.row(data, PSEUDONYMS, TODAY));
    assertThat(r).containsEntry("paivatArvioinninAlkuun", "4").containsEntry("arviointiAlkoiMaaraajassa", "kylla");
  }

  @Test
  void theLaterClocksAreTheLastColumnsAChildsAssessmentAndTheLatestRectificationRuling() {
    int n = ResearchCsv.COLUMNS.size();
    assertThat(ResearchCsv.COLUMNS.subList(n - 5, n)).containsExactly("tyytyvaisyysViimeisin",
        "paivatArvioinninValmistumiseen", "arviointiValmistuiMaaraajassa", "paivatOikaisuvaatimuksenRatkaisuun",
        "oikaisuvaatimusRatkaistiinMaaraajassa");

    // an adult's case: the assessment is recorded as finished, but the child's clock does not run for it
    Map<String, String> adult = byColumn(ResearchCsv.row(new CaseData("HB-1", false, false,
        new HashMap<>(Map.of("vireilletulopaiva", "2026-06-01", "arviointiValmistuiPaiva", "2026-06-20")), Map.of()),
        PSEUDONYMS, TODAY));
    assertThat(adult).containsEntry("paivatArvioinninValmistumiseen", "").containsEntry("arviointiValmistuiMaaraajassa", "")
        .containsEntry("paivatOikaisuvaatimuksenRatkaisuun", "").containsEntry("oikaisuvaatimusRatkaistiinMaaraajassa", "");

    // a child's case: finished 20.6. first (19 days, in time), later again; a second request arrived 10.11.,
    // ruled 5.12. after its target 1.12. (the first request's ruling was removed when the second's handling started)
    Map<String, Object> v = implementedCase();
    v.put("ikaryhma", "lapsi");
    v.put("erapaiva_ARVIOINTI_VALMIS", finnish("2026-09-01"));
    v.put("arviointiValmistuiPaiva", "2026-10-01");
    v.put("oikaisuvaatimuksenSaapumispaiva", "2026-11-10");
    v.put("erapaiva_OIKAISUVAATIMUKSEN_KASITTELY", finnish("2026-12-01"));
    v.put("oikaisuvaatimusRatkaistuPaiva", "2026-12-05");
    Map<String, String> child = byColumn(ResearchCsv.row(new CaseData("HB-2", true, false, v,
        Map.of("arviointiValmistuiPaiva", "2026-06-20", "oikaisuvaatimusRatkaistuPaiva", "2026-10-01")),
        PSEUDONYMS, TODAY));
    assertThat(child).containsEntry("paivatArvioinninValmistumiseen", "19")
        .containsEntry("arviointiValmistuiMaaraajassa", "kylla")
        .containsEntry("paivatOikaisuvaatimuksenRatkaisuun", "25")
        .containsEntry("oikaisuvaatimusRatkaistiinMaaraajassa", "ei")
        .containsEntry("paivatArvioinninAlkuun", "4"); // the earlier columns are where they were

    // a request in handling past its target in a running case: late; a stale ruling before the arrival is no lead time
    v.put("oikaisuvaatimusRatkaistuPaiva", "2026-10-01");
    Map<String, String> running = byColumn(ResearchCsv.row(new CaseData("HB-3", false, false, v, Map.of()),
        PSEUDONYMS, LocalDate.of(2026, 12, 2)));
    assertThat(running).containsEntry("paivatOikaisuvaatimuksenRatkaisuun", "")
        .containsEntry("oikaisuvaatimusRatkaistiinMaaraajassa", "ei");
    v.remove("oikaisuvaatimusRatkaistuPaiva");
    running = byColumn(ResearchCsv.row(new CaseData("HB-3", false, false, v, Map.of()), PSEUDONYMS,
        LocalDate.of(2026, 12, 2)));
    assertThat(running).containsEntry("paivatOikaisuvaatimuksenRatkaisuun", "")
        .containsEntry("oikaisuvaatimusRatkaistiinMaaraajassa", "ei");
  }

  @Test
  void anOpenClockIsLateOnlyOnceItsLastDayHasPassed() {
    assertThat(ResearchCsv.met(null, LocalDate.of(2026, 9, 1), false, LocalDate.of(2026, 9, 1))).isEmpty();
    assertThat(ResearchCsv.met(null, LocalDate.of(2026, 9, 1), false, LocalDate.of(2026, 9, 2))).isEqualTo("ei");
    assertThat(ResearchCsv.met(null, LocalDate.of(2026, 9, 1), true, LocalDate.of(2026, 9, 2))).isEmpty();
    assertThat(ResearchCsv.met(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1), true, null)).isEqualTo("kylla");
    assertThat(ResearchCsv.met(LocalDate.of(2026, 9, 2), null, true, null)).isEmpty();
  }

  @Test
  void anEndedCaseShowsItsOutcomeAndACancelledOneIsKeskeytetty() {
    Map<String, Object> v = new HashMap<>(Map.of("hbTulos", "ei_oikeutta", "kotikunta", "Lappeenranta"));
    assertThat(byColumn(ResearchCsv.row(new CaseData("HB-1", true, false, v, Map.of()), PSEUDONYMS, TODAY)))
        .containsEntry("hbTulos", "ei_oikeutta").containsEntry("kuntaryhma", "Lappeenranta")
        .containsEntry("arviointeja", "").containsEntry("toimintarajoite_liikunta", "").containsEntry("palautteita", "");
    assertThat(byColumn(ResearchCsv.row(new CaseData("HB-2", true, true, Map.of(), Map.of()), PSEUDONYMS, TODAY)))
        .containsEntry("hbTulos", "keskeytetty").containsEntry("kuntaryhma", "muu tai tuntematon");
  }

  @Test
  void aValueOutsideItsCodesIsLeftOutNotExported() {
    Map<String, Object> v = new HashMap<>();
    v.put("tukimalli", "Naapurin Matti Meikäläinen");
    v.put("kotikunta", "Pikkukylä");
    v.put("ikaryhma", "45 v");
    v.put("hbTulos", "salaista");
    v.put(Evaluations.VARIABLE, "rikki " + SECRET);
    List<String> cells = ResearchCsv.row(new CaseData("HB-3", true, false, v, Map.of()), PSEUDONYMS, TODAY);
    assertThat(String.join(";", cells)).doesNotContain("Matti").doesNotContain("Pikkukylä").doesNotContain("salaista")
        .doesNotContain(SECRET);
    assertThat(byColumn(cells)).containsEntry("ikaryhma", "").containsEntry("tukimalli", "")
        .containsEntry("kuntaryhma", "muu tai tuntematon").containsEntry("hbTulos", "keskeytetty")
        .containsEntry("arviointeja", "");
  }

  @Test
  void theFileHasABomAHeaderSemicolonsAndRowsInPseudonymOrder() {
    List<String> late = ResearchCsv.row(new CaseData("HB-2026-000002", false, false, Map.of(), Map.of()), PSEUDONYMS, TODAY);
    List<String> early = ResearchCsv.row(new CaseData("HB-2026-000001", false, false, Map.of(), Map.of()), PSEUDONYMS, TODAY);
    String csv = new String(ResearchCsv.write(List.of(late, early)), StandardCharsets.UTF_8);

    assertThat(csv).startsWith("\uFEFFpseudonyymi;ikaryhma;kuntaryhma;");
    String[] lines = csv.substring(1).split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0].split(";", -1)).hasSize(ResearchCsv.COLUMNS.size());
    assertThat(lines[1].compareTo(lines[2])).isNegative();
    assertThat(ResearchCsv.cell("a;b")).isEqualTo("\"a;b\"");
    assertThat(ResearchCsv.cell("sanoi \"moi\"")).isEqualTo("\"sanoi \"\"moi\"\"\"");
  }

  @Test
  void municipalitiesAreGroupedSoThatSmallOnesAreNotNamed() {
    assertThat(MunicipalityGroups.of("Lappeenranta")).isEqualTo("Lappeenranta");
    assertThat(MunicipalityGroups.of(" imatra ")).isEqualTo("Imatra");
    for (String small : List.of("Lemi", "Luumäki", "Parikkala", "Rautjärvi", "Ruokolahti", "Savitaipale", "Taipalsaari")) {
      assertThat(MunicipalityGroups.of(small)).isEqualTo("muu Etelä-Karjala");
    }
    assertThat(MunicipalityGroups.of("Muu")).isEqualTo("muu tai tuntematon");
    assertThat(MunicipalityGroups.of(null)).isEqualTo("muu tai tuntematon");
  }
}
