package fi.hbflow.sopiva;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SOPIVA's form rules without an engine. */
class SopivaRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  @Test
  void everyTaskAndStartFormHasOneRuleSetWithADistinctActivityId() {
    assertThat(SopivaRules.all()).extracting(FormRules::activityId).doesNotHaveDuplicates().containsExactlyInAnyOrder(
        "Task_KehittamoSuunnittelu", "Task_KehittamoKutsut", "Task_KehittamoToteutuminen", "Task_KehittamoTulokset",
        "Task_KehittamoPalaute", "Task_KehittamoRaportti", "Task_KoulutusSuunnittelu", "Task_Koulutuskerta",
        "Task_KoulutusPalaute", "Task_KoulutusRaportti");
    assertThat(SopivaRules.starts()).extracting(FormRules::activityId).containsExactly("KehittamoAlkaa", "KoulutusAlkaa");
  }

  @Test
  void theEventStartFormListsTheTickedGroupsAndMethodsReadably() {
    Map<String, Object> v = eventStart();
    v.put("kohderyhmaJarjestot", "true"); // a REST client may send text
    v.put("kohderyhmaMuu", " oppilaitokset ");
    FormValues form = check(SopivaRules::eventStart, v);
    assertThat(form.problems()).isEmpty();
    assertThat(form.derived()).containsEntry("kohderyhmat", "ammattilaiset, järjestöt, oppilaitokset")
        .containsEntry("menetelmat", "palvelumuotoilu, learning cafe").containsEntry("suunniteltuPaiva", "2026-09-01");
  }

  @Test
  void anEventNeedsAtLeastOneTargetGroupAndOneMethod() {
    Map<String, Object> v = eventStart();
    v.put("kohderyhmaAmmattilaiset", false);
    v.put("menetelmaPalvelumuotoilu", null);
    v.put("menetelmaMuu", "");
    FormValues form = check(SopivaRules::eventStart, v);
    assertThat(form.problems()).containsExactly(
        "Kohderyhmät: valitse vähintään yksi kohderyhmä tai kirjoita muu kohderyhmä.",
        "Menetelmät: valitse vähintään yksi menetelmä tai kirjoita muu menetelmä.");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "2026-06-15, ''",
      "2028-06-15, ''",
      "2026-06-14, Suunniteltu päivä 2026-06-14 on jo mennyt: valitse tuleva päivä.",
      "2028-06-16, Suunniteltu päivä 2028-06-16 on yli 2 vuoden päässä.",
      "15.6.2026, Suunniteltu päivä '15.6.2026' ei ole päivämäärä (muoto vvvv-kk-pp)."})
  void aPlannedDateIsTodayOrLaterAndAtMostTwoYearsAhead(String day, String problem) {
    FormValues form = check(f -> SopivaRules.plannedDate(f), Map.of("suunniteltuPaiva", day));
    if (problem.isEmpty()) {
      assertThat(form.problems()).isEmpty();
    } else {
      assertThat(form.problems()).containsExactly(problem);
    }
  }

  @Test
  void invitationsCountTheStakeholderLinesAndAreSentBeforeTheEvent() {
    FormValues ok = check(SopivaRules::eventInvitations, Map.of("sidosryhmat", " Essote \n\n Vaalijala\nKunta ",
        "kutsutLahetetty", "2026-06-01", "suunniteltuPaiva", "2026-06-20"));
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.derived()).containsEntry("kutsuttujaSidosryhmia", 3);

    FormValues late = check(SopivaRules::eventInvitations, Map.of("sidosryhmat", "Essote", "kutsutLahetetty", "2026-06-10",
        "suunniteltuPaiva", "2026-06-05"));
    assertThat(late.problems()).containsExactly("Kutsujen lähetyspäivä 2026-06-10 on tapahtuman päivän 2026-06-05 jälkeen.");

    FormValues tooMany = check(SopivaRules::eventInvitations, Map.of("sidosryhmat", "x\n".repeat(201),
        "kutsutLahetetty", "2026-06-01"));
    assertThat(tooMany.problems()).containsExactly("Kutsutut sidosryhmät: enintään 200 riviä (nyt 201).");
  }

  @Test
  void anEventNotHeldNeedsTheNextStepAndAReasonAndARescheduleIsCounted() {
    Map<String, Object> v = new HashMap<>();
    v.put("pidettiin", "ei");
    v.put("jatko", "siirretaan");
    v.put("pitamattaSyy", "Vetäjä sairastui.");
    v.put("siirtoja", 1);
    v.put("toteutunutPaiva", "2026-06-10");
    FormValues form = check(SopivaRules::eventHeld, v);
    assertThat(form.problems()).isEmpty();
    assertThat(form.derived()).containsEntry("siirtoja", 2).containsEntry("toteutunutPaiva", null);

    FormValues cancelled = check(SopivaRules::eventHeld, Map.of("pidettiin", "ei", "jatko", "perutaan",
        "pitamattaSyy", "Ei tarvetta."));
    assertThat(cancelled.derived()).doesNotContainKey("siirtoja");

    FormValues missing = check(SopivaRules::eventHeld, Map.of("pidettiin", "ei"));
    assertThat(missing.problems()).containsExactly("Mitä tapahtumalle tehdään: valitse yksi vaihtoehdoista.",
        "Miksi tapahtumaa ei pidetty puuttuu.");
  }

  @Test
  void aHeldEventHasADayNotInTheFutureAndForgetsAnEarlierNextStep() {
    FormValues form = check(SopivaRules::eventHeld, Map.of("pidettiin", "kylla", "toteutunutPaiva", "2026-06-14",
        "jatko", "siirretaan"));
    assertThat(form.problems()).isEmpty();
    assertThat(form.derived()).containsEntry("jatko", null).containsEntry("toteutunutPaiva", "2026-06-14");

    FormValues future = check(SopivaRules::eventHeld, Map.of("pidettiin", "kylla", "toteutunutPaiva", "2026-06-16"));
    assertThat(future.problems()).containsExactly("Toteutunut päivä 2026-06-16 on tulevaisuudessa.");
  }

  @Test
  void proposalsAreRequiredFromAKehittamoOnlyAndExpertsCannotOutnumberParticipants() {
    Map<String, Object> v = new HashMap<>();
    v.put("oivallukset", "Selkokieli ja tukijan valinta nousivat esiin.");
    v.put("osallistujia", 10);
    v.put("kokemusasiantuntijoita", 10);
    v.put("tapahtumanTyyppi", "kohtaamo");
    assertThat(check(SopivaRules::eventOutcomes, v).problems()).isEmpty();

    v.put("tapahtumanTyyppi", "kehittamo");
    v.put("kokemusasiantuntijoita", 11);
    assertThat(check(SopivaRules::eventOutcomes, v).problems()).containsExactly(
        "Ehdotukset HB:n valtakunnallisiin periaatteisiin puuttuu.",
        "Kokemusasiantuntijoita (11) ei voi olla enemmän kuin osallistujia (10).");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"4,4.0", "'4,25',4.25", "' 3.5 ',3.5", "1,1.0", "5,5.0", "'4,333',4.33"})
  void aRatingAverageIsReadAsTypedOrAsANumber(String typed, double kept) {
    FormValues form = check(f -> SopivaRules.rating(f, "palautteenKeskiarvo", "Palautteen keskiarvo", true),
        Map.of("palautteenKeskiarvo", typed));
    assertThat(form.problems()).isEmpty();
    assertThat(form.derived()).containsEntry("palautteenKeskiarvo", kept);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0.99, 'asteikko on 1–5, annettu 0,99'", "6, 'asteikko on 1–5, annettu 6'",
      "-1, 'asteikko on 1–5, annettu -1'", "hyvä, ei ole luku", "'4,5,1', ei ole luku"})
  void aRatingOutsideOneToFiveOrNotANumberIsRefused(String typed, String problem) {
    FormValues form = check(f -> SopivaRules.rating(f, "palautteenKeskiarvo", "Palautteen keskiarvo", true),
        Map.of("palautteenKeskiarvo", typed));
    assertThat(form.problems()).singleElement().asString().contains(problem);
  }

  @Test
  void aDoubleFromTheFormIsARatingToo() {
    FormValues form = check(SopivaRules::eventFeedback, Map.of("palautteenYhteenveto", "Hyvä tilaisuus kaikin puolin.",
        "palautteenKeskiarvo", 4.7d, "palautteenAntajia", 8, "osallistujia", 8));
    assertThat(form.problems()).isEmpty();
    assertThat(form.derived()).containsEntry("palautteenKeskiarvo", 4.7d);
  }

  @Test
  void aTrainingPlanNeedsAtLeastOneOfTheFourThemes() {
    Map<String, Object> v = new HashMap<>(Map.of("koulutuskertojaSuunniteltu", 3, "kouluttajat", "Vaalijala",
        "teemaMuu", "HB:n menetelmät"));
    FormValues none = check(SopivaRules::trainingPlan, v);
    assertThat(none.problems()).singleElement().asString().startsWith("Teemat: valitse vähintään yksi teema");

    v.put("teemaVuorovaikutus", true);
    v.put("teemaOsallisuus", true);
    FormValues two = check(SopivaRules::trainingPlan, v);
    assertThat(two.problems()).isEmpty();
    assertThat(two.derived()).containsEntry("teemat", "osallisuus, vuorovaikutus ja kommunikaatio, HB:n menetelmät");
  }

  @Test
  void aSessionAddsToTheRunningTotalsAndTheList() {
    Map<String, Object> v = new HashMap<>(Map.of("kerranPaiva", "2026-06-12", "kerranOsallistujia", 7,
        "kerranSisalto", "Vuorovaikutus\n  ja   kommunikaatio", "lisaaKertoja", "kylla", "pidetytKerrat", 1,
        "osallistujiaYhteensa", 12, "koulutuskerrat", "1. 5.6.2026 – 12 osallistujaa – Osallisuus"));
    FormValues form = check(SopivaRules::trainingSession, v);
    assertThat(form.problems()).isEmpty();
    assertThat(form.derived()).containsEntry("pidetytKerrat", 2).containsEntry("osallistujiaYhteensa", 19)
        .containsEntry("koulutuskerrat", "1. 5.6.2026 – 12 osallistujaa – Osallisuus\n"
            + "2. 12.6.2026 – 7 osallistujaa – Vuorovaikutus ja kommunikaatio");
  }

  @Test
  void theThirtiethSessionIsTheLastAndTheListStaysWithinAStringVariable() {
    Map<String, Object> v = new HashMap<>(Map.of("kerranPaiva", "2026-06-12", "kerranOsallistujia", 7,
        "kerranSisalto", "x".repeat(500), "lisaaKertoja", "kylla", "pidetytKerrat", 29,
        "koulutuskerrat", "y".repeat(3950)));
    assertThat(check(SopivaRules::trainingSession, v).problems()).singleElement().asString()
        .startsWith("Koulutuksessa voi olla enintään 30 koulutuskertaa: tämä on kerta 30.");

    v.put("lisaaKertoja", "ei");
    FormValues last = check(SopivaRules::trainingSession, v);
    assertThat(last.problems()).isEmpty();
    assertThat(last.derived().get("koulutuskerrat").toString()).hasSizeLessThanOrEqualTo(3901).startsWith("…")
        .endsWith("x…");
  }

  @Test
  void aPublishedReportSaysWhere() {
    Map<String, Object> v = new HashMap<>(Map.of("raportti", "Tapahtuma onnistui ja tulokset vietiin THL:lle.",
        "julkaistu", "kylla"));
    assertThat(check(SopivaRules::report, v).problems()).containsExactly("Missä raportti on julkaistu puuttuu.");
    v.put("julkaisupaikka", "https://innokyla.fi");
    assertThat(check(SopivaRules::report, v).problems()).isEmpty();
    v.put("julkaistu", "ei");
    v.remove("julkaisupaikka");
    assertThat(check(SopivaRules::report, v).problems()).isEmpty();
  }

  @Test
  void theTrainingStartFormNeedsATitleATargetGroupAndTheSurveyResults() {
    FormValues ok = check(SopivaRules::trainingStart, Map.of("koulutuksenNimi", "Osallisuus arjessa", "kohderyhma",
        "Ohjaajat", "kartoituksenTulokset", "Toiveena käytännön menetelmät."));
    assertThat(ok.problems()).isEmpty();
    FormValues empty = check(SopivaRules::trainingStart, Map.of());
    assertThat(empty.problems()).containsExactly("Koulutuksen työnimi puuttuu.", "Kohderyhmä puuttuu.",
        "Kartoituksen tulokset puuttuu.");
  }

  // ---------------------------------------------------------------- helpers

  private static FormValues check(Consumer<FormValues> rules, Map<String, Object> values) {
    FormValues form = new FormValues(values, TODAY);
    rules.accept(form);
    return form;
  }

  private static Map<String, Object> eventStart() {
    Map<String, Object> v = new HashMap<>();
    v.put("tapahtumanTyyppi", "kehittamo");
    v.put("teema", "Tuettu päätöksenteko");
    v.put("kohderyhmaAmmattilaiset", true);
    v.put("suunniteltuPaiva", "2026-09-01");
    v.put("paikka", "Teams");
    v.put("menetelmaPalvelumuotoilu", true);
    v.put("menetelmaMuu", "learning cafe");
    return v;
  }
}
