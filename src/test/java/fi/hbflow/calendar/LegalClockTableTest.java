package fi.hbflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hbflow.TestEngine;
import fi.hbflow.engine.DmnTables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The legal-clock table {@code hb-maaraajat.dmn}, row by row: each clock's date with its citation (section and
 * moment) per law version (vireilletulo before / from 1.1.2025, 675/2023 42 § 2 mom), the child's assessment clock,
 * the rectification windows by post and electronically, the county's target for the ruling, and the cap that keeps
 * the county's decision target from passing the implementation deadline.
 */
@Deployment(resources = "processes/hb-maaraajat.dmn")
class LegalClockTableTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;
  LegalClocks clocks;

  @BeforeEach
  void setUp() {
    clocks = new LegalClocks(engine, new DmnTables(engine));
  }

  @ParameterizedTest(name = "{0} of a case opened {1}: {2}, {3}")
  @CsvSource(delimiter = '|', value = {
      // before 1.1.2025: Vammaispalvelulaki 380/1987 (Fri 15.11.2024; 15.2.2025 is a Saturday)
      "ARVIOINTI_ALKAA | 2024-11-15 | 2024-11-26 | Vammaispalvelulaki 380/1987 3 a § 1 mom",
      "PAATOS          | 2024-11-15 | 2025-02-17 | Vammaispalvelulaki 380/1987 3 a § 3 mom",
      "TOTEUTUS        | 2024-11-15 | 2025-02-17 | Sosiaalihuoltolaki 1301/2014 45 § 2 mom",
      // the last day of the old law
      "ARVIOINTI_ALKAA | 2024-12-31 | 2025-01-13 | Vammaispalvelulaki 380/1987 3 a § 1 mom",
      "PAATOS          | 2024-12-31 | 2025-03-31 | Vammaispalvelulaki 380/1987 3 a § 3 mom",
      // from 1.1.2025: 675/2023 with Sosiaalihuoltolaki 1301/2014 (Mon 10.3.2025)
      "ARVIOINTI_ALKAA | 2025-01-01 | 2025-01-13 | Sosiaalihuoltolaki 1301/2014 36 § 2 mom 3 k",
      "ARVIOINTI_ALKAA | 2025-03-10 | 2025-03-19 | Sosiaalihuoltolaki 1301/2014 36 § 2 mom 3 k",
      "PAATOS          | 2025-03-10 | 2025-06-10 | Hyvinvointialueen oma tavoite",
      "TOTEUTUS        | 2025-03-10 | 2025-06-10 | Sosiaalihuoltolaki 1301/2014 45 § 2 mom"})
  void eachClockHasItsDateAndItsCitationPerLawVersion(String clock, String opened, String due, String citation) {
    LegalDeadline deadline = clocks.compute(clock, caseOpened(opened, "aikuinen"));
    assertThat(deadline.due()).isEqualTo(LocalDate.parse(due));
    assertThat(deadline.rule().lawReference()).startsWith(citation);
    assertThat(deadline.rule().baseVariable()).isEqualTo("vireilletulopaiva");
  }

  @Test
  void noClockOfANewCaseCitesTheRepealedLawAndTheDecisionTargetIsLabelledAsTheCountys() {
    for (String clock : new String[] {"ARVIOINTI_ALKAA", "PAATOS", "TOTEUTUS"}) {
      assertThat(clocks.compute(clock, caseOpened("2025-03-10", "aikuinen")).rule().lawReference())
          .doesNotContain("380/1987").doesNotContain("injaus");
    }
    ClockRule decision = clocks.compute("PAATOS", caseOpened("2025-03-10", "aikuinen")).rule();
    assertThat(decision.lawReference()).contains("Sosiaalihuoltolaki 1301/2014 45 § 1 mom").contains("ilman aiheetonta viivytystä");
    assertThat(decision.notAfterClock()).isEqualTo("TOTEUTUS");
    assertThat(clocks.compute("PAATOS", caseOpened("2024-11-15", "aikuinen")).rule().notAfterClock()).isBlank();
  }

  @Test
  void theCountysDecisionTargetNeverEndsAfterTheImplementationDeadline() {
    for (LocalDate opened = LocalDate.of(2025, 1, 1); opened.isBefore(LocalDate.of(2027, 1, 1)); opened = opened.plusDays(1)) {
      Map<String, Object> v = caseOpened(opened.toString(), "aikuinen");
      assertThat(clocks.compute("PAATOS", v).due()).isBeforeOrEqualTo(clocks.compute("TOTEUTUS", v).due());
    }
  }

  @Test
  void aDeadlinePastItsCapIsMovedBackToTheCapWithItsReminder() {
    FinnishCalendar calendar = new FinnishCalendar();
    ClockRule fourMonths = new ClockRule("PAATOS", "vireilletulopaiva", DeadlineUnit.KUUKAUSI, 4, 10, "PAATOS",
        "paatospaiva", "TOTEUTUS", "Hyvinvointialueen oma tavoite");
    LegalDeadline uncapped = fourMonths.from(LocalDate.of(2026, 3, 2), calendar);
    assertThat(uncapped.due()).isEqualTo(LocalDate.of(2026, 7, 2));
    LegalDeadline capped = fourMonths.notAfter(uncapped, LocalDate.of(2026, 6, 2), calendar);
    assertThat(capped.due()).isEqualTo(LocalDate.of(2026, 6, 2));
    assertThat(capped.remindOn()).isEqualTo(LocalDate.of(2026, 5, 19)); // 10 working days before
    assertThat(fourMonths.notAfter(uncapped, LocalDate.of(2026, 8, 3), calendar)).isSameAs(uncapped);
  }

  @Test
  void aChildHasASecondAssessmentClockOfThreeMonthsAndAnAdultHasNone() {
    // 19.3.2026 + 3 months = Fri 19.6.2026, Midsummer Eve: the next working day
    LegalDeadline child = clocks.compute("ARVIOINTI_VALMIS", caseOpened("2026-03-19", "lapsi"), true);
    assertThat(child.due()).isEqualTo(LocalDate.of(2026, 6, 22));
    assertThat(child.rule().lawReference()).startsWith("Sosiaalihuoltolaki 1301/2014 36 § 3 mom");
    assertThat(child.rule().metWhenVariable()).isEqualTo("arviointiValmistuiPaiva");
    assertThat(child.rule().isWatched()).isTrue();
    // the same for a child whose case became pending under the old law
    assertThat(clocks.compute("ARVIOINTI_VALMIS", caseOpened("2024-11-15", "lapsi"), true).due())
        .isEqualTo(LocalDate.of(2025, 2, 17));

    assertThat(clocks.compute("ARVIOINTI_VALMIS", caseOpened("2026-03-19", "aikuinen"), true)).isNull();
    assertThat(clocks.compute("ARVIOINTI_VALMIS", caseOpened("2026-03-19", "ikaantynyt"), true)).isNull();
    assertThat(clocks.compute("ARVIOINTI_VALMIS", caseOpened("2026-03-19", null), true)).isNull();
    assertThatThrownBy(() -> clocks.compute("ARVIOINTI_VALMIS", caseOpened("2026-03-19", "aikuinen")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no row for ARVIOINTI_VALMIS");
    // the child's first clock is the usual 7th working day
    assertThat(clocks.compute("ARVIOINTI_ALKAA", caseOpened("2026-03-19", "lapsi")).due()).isEqualTo(LocalDate.of(2026, 3, 30));
  }

  @ParameterizedTest(name = "notified {1} on {0}: window ends {2}")
  @CsvSource(delimiter = '|', value = {
      // Sat 13.6.2026: by post received on day 7 (20.6), + 30 = Mon 20.7.2026
      "2026-06-13 | posti            | 2026-07-20 | hallintolaki 59 § 2 mom",
      // electronically received on day 3 (16.6), + 30 = Thu 16.7.2026
      "2026-06-13 | sahkoinen        | 2026-07-16 | laki sähköisestä asioinnista viranomaistoiminnassa 13/2003 19 § 2 mom",
      // in person: 30 days from the day itself = Mon 13.7.2026
      "2026-06-13 | henkilokohtainen | 2026-07-13 | annettu henkilökohtaisesti",
      // 30 + 7 days from Fri 20.11.2026 = Sun 27.12.2026 → Mon 28.12.2026
      "2026-11-20 | posti            | 2026-12-28 | hallintolaki 59 § 2 mom"})
  void theRectificationWindowCitesSHL50AndHL49cAndTheRightReceiptRule(String notified, String how, String due, String receipt) {
    Map<String, Object> v = caseOpened("2026-04-01", "aikuinen");
    v.put("tiedoksiantopaiva", notified);
    v.put("tiedoksiantotapa", how);
    LegalDeadline window = clocks.compute("OIKAISUVAATIMUS", v);
    assertThat(window.due()).isEqualTo(LocalDate.parse(due));
    assertThat(window.rule().lawReference())
        .startsWith("Sosiaalihuoltolaki 1301/2014 50 § ja hallintolaki 434/2003 49 c §: 30 päivää tiedoksisaannista")
        .contains(receipt);
    assertThat(window.rule().isWatched()).isFalse(); // ends by the window's timer
    if ("sahkoinen".equals(how)) {
      assertThat(window.rule().lawReference()).doesNotContain("59 §");
    }
  }

  @Test
  void theRulingOnARectificationRequestHasTheCountysTargetFromItsArrivalCitingHL49e() {
    Map<String, Object> v = caseOpened("2026-04-01", "aikuinen");
    v.put("oikaisuvaatimuksenSaapumispaiva", "2026-07-01"); // + 30 days = Fri 31.7.2026
    LegalDeadline ruling = clocks.compute("OIKAISUVAATIMUKSEN_KASITTELY", v);
    assertThat(ruling.due()).isEqualTo(LocalDate.of(2026, 7, 31));
    assertThat(ruling.remindOn()).isEqualTo(LocalDate.of(2026, 7, 24));
    assertThat(ruling.rule().lawReference()).startsWith("Hyvinvointialueen oma tavoite")
        .contains("Hallintolaki 434/2003 49 e §").contains("kiireellisenä");
    assertThat(ruling.rule().metWhenVariable()).isEqualTo("oikaisuvaatimusRatkaistuPaiva");
    assertThat(ruling.rule().baseVariable()).isEqualTo("oikaisuvaatimuksenSaapumispaiva");
  }

  @Test
  void theTransitionClockExistsOnlyForAMatterPendingUnderTheOldLawAndCites42Par3() {
    Map<String, Object> old = caseOpened("2024-12-31", "aikuinen");
    old.put("siirtymaajanAlkupaiva", "2025-01-01");
    LegalDeadline transition = clocks.compute("SIIRTYMA", old);
    // the county's target, three months before the old decision lapses on 1.1.2028 (150/1930 3 §)
    assertThat(transition.due()).isEqualTo(LocalDate.of(2027, 10, 1));
    assertThat(transition.rule().lawReference()).startsWith("Hyvinvointialueen oma tavoite")
        .contains("Vammaispalvelulaki 675/2023 42 § 3 mom").contains("1.1.2028").contains("519/1977")
        .contains("150/1930 3 §");
    assertThat(transition.rule().storeAs()).isEqualTo("SIIRTYMA");
    assertThat(transition.rule().isWatched()).isFalse();

    Map<String, Object> current = caseOpened("2025-01-01", "aikuinen");
    current.put("siirtymaajanAlkupaiva", "2025-01-01");
    assertThat(clocks.deadlineOrNull("SIIRTYMA", current)).isNull();
  }

  @Test
  void theReviewBroughtForwardIsTheCountysTargetOfTenWorkingDaysAndReplacesTheReviewDate() {
    Map<String, Object> v = caseOpened("2026-04-01", "aikuinen");
    v.put("seurannanAikaistamisPaiva", "2026-12-18"); // Fri; 24.–26.12. and 1.1., 6.1. are not working days
    LegalDeadline earlier = clocks.compute("AIKAISTETTU_SEURANTA", v);
    assertThat(earlier.due()).isEqualTo(LocalDate.of(2027, 1, 7));
    assertThat(earlier.rule().storeAs()).isEqualTo("SEURANTA");
    assertThat(earlier.rule().lawReference()).startsWith("Hyvinvointialueen oma tavoite")
        .contains("ei lakisääteinen");
  }

  private static Map<String, Object> caseOpened(String opened, String ageGroup) {
    Map<String, Object> v = new HashMap<>();
    v.put("vireilletulopaiva", opened);
    v.put("ikaryhma", ageGroup);
    return v;
  }
}
