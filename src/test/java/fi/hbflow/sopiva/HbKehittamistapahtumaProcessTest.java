package fi.hbflow.sopiva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fi.hbflow.TestEngine;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code hb-kehittamistapahtuma}: a Kohtaamo café from its start to its report, a Kehittämö that was not held and is
 * planned again, a cancelled event, and the bad input every form must refuse (in Finnish, the task staying).
 */
@Deployment(resources = {"processes/hb-kehittamistapahtuma.bpmn", "processes/hb-tehtavien-reititys.dmn",
    "forms/hb-kehittamo-aloitus.form", "forms/hb-kehittamo-suunnitelma.form", "forms/hb-kehittamo-kutsut.form",
    "forms/hb-kehittamo-toteutuminen.form", "forms/hb-kehittamo-tulokset.form", "forms/hb-kehittamo-palaute.form",
    "forms/hb-kehittamo-raportti.form"})
class HbKehittamistapahtumaProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  static final String PROCESS = SopivaRules.EVENT_PROCESS;

  ProcessEngine engine;
  SopivaDriver sopiva;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    sopiva = new SopivaDriver(engine);
  }

  @AfterEach
  void tearDown() {
    SopivaDriver.reset();
  }

  @Test
  void aKohtaamoCafeRunsFromItsStartToItsReport() {
    ProcessInstance pi = sopiva.start(PROCESS, startForm("kohtaamo", "2026-06-25"));

    assertThat(pi.getBusinessKey()).matches("KOHTAAMO-2026-[0-9A-F]{4}");
    assertThat(pi).isWaitingAt(SopivaRules.EVENT_PLAN).variables()
        .containsEntry("sopivaTunnus", pi.getBusinessKey()).containsEntry("aloittaja", "kehittaja")
        .containsEntry("kohderyhmat", "vammaiset henkilöt (asiakkaat), läheiset, kokemusasiantuntijat")
        .containsEntry("menetelmat", "dialoginen verkostotyö, palvelumuotoilu");

    sopiva.complete(pi, SopivaRules.EVENT_PLAN, plan("2026-06-25"));
    sopiva.complete(pi, SopivaRules.EVENT_INVITATIONS, invitations("2026-06-15"));
    assertThat(sopiva.variable(pi, "kutsuttujaSidosryhmia")).isEqualTo(3);

    // the event's task is due on the planned day; it is recorded after the event
    Task held = sopiva.task(pi, SopivaRules.EVENT_HELD);
    assertThat(LocalDate.ofInstant(held.getDueDate().toInstant(), ZoneId.systemDefault())).isEqualTo("2026-06-25");
    SopivaDriver.setToday(LocalDate.of(2026, 6, 26));
    sopiva.complete(pi, SopivaRules.EVENT_HELD, held("2026-06-25"));

    // a Kohtaamo need not propose anything for the national principles
    Map<String, Object> outcomes = outcomes(14, 5);
    outcomes.put("ehdotukset", null);
    sopiva.complete(pi, SopivaRules.EVENT_OUTCOMES, outcomes);
    sopiva.complete(pi, SopivaRules.EVENT_FEEDBACK, feedback(4.25, 12)); // a number field sends a number
    assertThat(sopiva.variable(pi, "palautteenKeskiarvo")).isEqualTo(4.25);
    sopiva.complete(pi, SopivaRules.EVENT_REPORT, report("kylla", "https://www.innokyla.fi/fi/toimintamalli/sopiva"));

    assertThat(pi).isEnded().hasPassedInOrder("KehittamoAlkaa", SopivaRules.EVENT_PLAN, SopivaRules.EVENT_INVITATIONS,
        SopivaRules.EVENT_HELD, SopivaRules.EVENT_OUTCOMES, SopivaRules.EVENT_FEEDBACK, SopivaRules.EVENT_REPORT,
        "End_Raportoitu").hasNotPassed("End_Peruttu");
    Map<String, Object> history = historic(pi);
    assertThat(history).containsEntry("sopivaTulos", "raportoitu").containsEntry("toteutunutPaiva", "2026-06-25")
        .containsEntry("osallistujia", 14).containsEntry("kokemusasiantuntijoita", 5).containsEntry("julkaistu", "kylla");
  }

  @Test
  void aKehittamoThatWasNotHeldIsPlannedAgainAndThenHeld() {
    ProcessInstance pi = sopiva.start(PROCESS, startForm("kehittamo", "2026-06-20"));
    assertThat(pi.getBusinessKey()).matches("KEHITTAMO-2026-[0-9A-F]{4}");
    sopiva.complete(pi, SopivaRules.EVENT_PLAN, plan("2026-06-20"));
    sopiva.complete(pi, SopivaRules.EVENT_INVITATIONS, invitations("2026-06-15"));
    SopivaDriver.setToday(LocalDate.of(2026, 6, 21));
    sopiva.complete(pi, SopivaRules.EVENT_HELD, notHeld("siirretaan", "Vain kaksi ilmoittautunutta juhannuksen alla."));

    // back to the plan, with the reason for the worker and a count of reschedulings
    assertThat(pi).isWaitingAt(SopivaRules.EVENT_PLAN).variables().containsEntry("siirtoja", 1)
        .containsEntry("pitamattaSyy", "Vain kaksi ilmoittautunutta juhannuksen alla.");
    assertThatThrownBy(() -> sopiva.complete(pi, SopivaRules.EVENT_PLAN, plan("2026-06-20")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Suunniteltu päivä 2026-06-20 on jo mennyt");
    sopiva.complete(pi, SopivaRules.EVENT_PLAN, plan("2026-08-20"));
    sopiva.complete(pi, SopivaRules.EVENT_INVITATIONS, invitations("2026-06-21"));

    // the new round's task starts without the earlier answers
    assertThat(sopiva.variable(pi, "pidettiin")).isNull();
    assertThat(sopiva.variable(pi, "jatko")).isNull();
    assertThat(sopiva.variable(pi, "pitamattaSyy")).isNull();
    assertThat(LocalDate.ofInstant(sopiva.task(pi, SopivaRules.EVENT_HELD).getDueDate().toInstant(), ZoneId.systemDefault()))
        .isEqualTo("2026-08-20");
    SopivaDriver.setToday(LocalDate.of(2026, 8, 21));
    sopiva.complete(pi, SopivaRules.EVENT_HELD, held("2026-08-20"));

    // a Kehittämö must propose something for the national principles
    Map<String, Object> noProposals = outcomes(30, 4);
    noProposals.put("ehdotukset", " ");
    assertThatThrownBy(() -> sopiva.complete(pi, SopivaRules.EVENT_OUTCOMES, noProposals))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Ehdotukset HB:n valtakunnallisiin periaatteisiin puuttuu");
    sopiva.complete(pi, SopivaRules.EVENT_OUTCOMES, outcomes(30, 4));
    sopiva.complete(pi, SopivaRules.EVENT_FEEDBACK, feedback(4, null));
    sopiva.complete(pi, SopivaRules.EVENT_REPORT, report("ei", null));

    assertThat(pi).isEnded().hasPassed("End_Raportoitu");
    assertThat(sopiva.passes(pi, SopivaRules.EVENT_PLAN)).isEqualTo(2);
    assertThat(sopiva.passes(pi, SopivaRules.EVENT_INVITATIONS)).isEqualTo(2);
    assertThat(sopiva.passes(pi, SopivaRules.EVENT_HELD)).isEqualTo(2);
    assertThat(historic(pi)).containsEntry("sopivaTulos", "raportoitu").containsEntry("siirtoja", 1)
        .containsEntry("suunniteltuPaiva", "2026-08-20").doesNotContainKey("jatko"); // the earlier answer is emptied
  }

  @Test
  void aCancelledEventEndsAsCancelled() {
    ProcessInstance pi = sopiva.start(PROCESS, startForm("kehittamo", "2026-06-20"));
    sopiva.complete(pi, SopivaRules.EVENT_PLAN, plan("2026-06-20"));
    sopiva.complete(pi, SopivaRules.EVENT_INVITATIONS, invitations("2026-06-15"));
    sopiva.complete(pi, SopivaRules.EVENT_HELD, notHeld("perutaan", "Teema käsitellään syksyn Kehittämössä."));

    assertThat(pi).isEnded().hasPassed("End_Peruttu").hasNotPassed(SopivaRules.EVENT_OUTCOMES, "End_Raportoitu");
    assertThat(historic(pi)).containsEntry("sopivaTulos", "peruttu").containsEntry("jatko", "perutaan");
  }

  @Test
  void aBadStartFormIsRefusedWithAllItsProblemsAndStartsNothing() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("tapahtumanTyyppi", null);
    bad.put("teema", "HB");
    bad.put("suunniteltuPaiva", "2026-06-01");
    bad.put("kohderyhmaAsiakkaat", false);
    bad.put("menetelmaDialoginen", false);

    assertThatThrownBy(() -> sopiva.start(PROCESS, bad)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageStartingWith("Lomaketta ei voitu tallentaa:")
        .hasMessageContaining("Teema: kirjoita vähintään 3 merkkiä")
        .hasMessageContaining("Kohderyhmät: valitse vähintään yksi kohderyhmä")
        .hasMessageContaining("Suunniteltu päivä 2026-06-01 on jo mennyt")
        .hasMessageContaining("Paikka puuttuu")
        .hasMessageContaining("Menetelmät: valitse vähintään yksi menetelmä");
    Map<String, Object> seminar = startForm("kohtaamo", "2026-07-01");
    seminar.put("tapahtumanTyyppi", "seminaari"); // not an option of the form: its contract refuses it
    assertThatThrownBy(() -> sopiva.start(PROCESS, seminar)).hasMessageContaining(
        "Tapahtuman tyyppi: annettu arvo ei ole lomakkeen vaihtoehto (sallitut: kehittamo, kohtaamo).");
    Map<String, Object> farAway = startForm("kohtaamo", "2029-01-01");
    assertThatThrownBy(() -> sopiva.start(PROCESS, farAway)).hasMessageContaining("on yli 2 vuoden päässä");

    assertThat(sopiva.instances(PROCESS)).isZero();
  }

  @Test
  void badInputInEveryTaskFormIsRefusedInFinnishAndTheTaskStays() {
    ProcessInstance pi = sopiva.start(PROCESS, startForm("kehittamo", "2026-06-20"));

    Map<String, Object> plan = plan("2026-06-20");
    plan.put("ohjelma", "lyhyt");
    plan.put("fasilitaattorit", "");
    plan.put("kokemusasiantuntijat", null);
    refused(pi, SopivaRules.EVENT_PLAN, plan, "Ohjelma: kirjoita vähintään 10 merkkiä", "Fasilitaattorit puuttuu",
        "Kutsutut kokemusasiantuntijat puuttuu");
    sopiva.complete(pi, SopivaRules.EVENT_PLAN, plan("2026-06-20"));

    refused(pi, SopivaRules.EVENT_INVITATIONS, invitations("2026-06-16"), "Kutsujen lähetyspäivä 2026-06-16 on tulevaisuudessa");
    Map<String, Object> noList = invitations("2026-06-15");
    noList.put("sidosryhmat", null);
    refused(pi, SopivaRules.EVENT_INVITATIONS, noList, "Kutsutut sidosryhmät puuttuu");
    sopiva.complete(pi, SopivaRules.EVENT_INVITATIONS, invitations("2026-06-15"));

    refused(pi, SopivaRules.EVENT_HELD, Map.of("pidettiin", "ehkä"),
        "Pidettiinkö tapahtuma?: annettu arvo ei ole lomakkeen vaihtoehto");
    refused(pi, SopivaRules.EVENT_HELD, held("2026-06-20"), "Toteutunut päivä 2026-06-20 on tulevaisuudessa");
    refused(pi, SopivaRules.EVENT_HELD, Map.of("pidettiin", "ei"), "Mitä tapahtumalle tehdään: valitse",
        "Miksi tapahtumaa ei pidetty puuttuu");
    SopivaDriver.setToday(LocalDate.of(2026, 6, 22));
    sopiva.complete(pi, SopivaRules.EVENT_HELD, held("2026-06-20"));

    refused(pi, SopivaRules.EVENT_OUTCOMES, outcomes(5, 6),
        "Kokemusasiantuntijoita (6) ei voi olla enemmän kuin osallistujia (5)");
    refused(pi, SopivaRules.EVENT_OUTCOMES, outcomes(0, 0), "Osallistujia: sallittu 1–1000, annettu 0");
    refused(pi, SopivaRules.EVENT_OUTCOMES, outcomes(1001, -1), "Osallistujia: sallittu 1–1000, annettu 1001",
        "Joista kokemusasiantuntijoita: sallittu 0–1000, annettu -1");
    sopiva.complete(pi, SopivaRules.EVENT_OUTCOMES, outcomes(20, 3));

    refused(pi, SopivaRules.EVENT_FEEDBACK, feedback(5.5, null), "Palautteen keskiarvo: asteikko on 1–5, annettu 5,5");
    refused(pi, SopivaRules.EVENT_FEEDBACK, feedback(0, null), "asteikko on 1–5, annettu 0");
    refused(pi, SopivaRules.EVENT_FEEDBACK, feedback("hyvä", null), "Arvosanojen keskiarvo (1–5): arvon pitää olla luku.");
    refused(pi, SopivaRules.EVENT_FEEDBACK, feedback(4.5, 21), "Palautteen antajia (21) on enemmän kuin osallistujia (20)");
    sopiva.complete(pi, SopivaRules.EVENT_FEEDBACK, feedback(4.5, 20));

    refused(pi, SopivaRules.EVENT_REPORT, report("kylla", null), "Missä raportti on julkaistu puuttuu");
    Map<String, Object> shortReport = report("ei", null);
    shortReport.put("raportti", "Hyvä päivä.");
    refused(pi, SopivaRules.EVENT_REPORT, shortReport, "Raportti: kirjoita vähintään 20 merkkiä");
    sopiva.complete(pi, SopivaRules.EVENT_REPORT, report("ei", null));
    assertThat(pi).isEnded();
  }

  // ---------------------------------------------------------------- helpers

  /** The form is refused with each of {@code messages}; the task is the same one, still open, and nothing was kept. */
  private void refused(ProcessInstance pi, String taskKey, Map<String, Object> form, String... messages) {
    String taskId = sopiva.task(pi, taskKey).getId();
    var thrown = assertThatThrownBy(() -> sopiva.complete(pi, taskKey, form))
        .isInstanceOf(FormFieldValidationException.class).hasMessageStartingWith("Lomaketta ei voitu tallentaa:");
    for (String message : messages) {
      thrown.hasMessageContaining(message);
    }
    assertThat(sopiva.task(pi, taskKey).getId()).isEqualTo(taskId);
  }

  private Map<String, Object> historic(ProcessInstance pi) {
    Map<String, Object> values = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

  static Map<String, Object> startForm(String type, String plannedDate) {
    Map<String, Object> v = new HashMap<>();
    v.put("tapahtumanTyyppi", type);
    v.put("teema", "Tuettu päätöksenteko HB:ssä");
    v.put("kohderyhmaAsiakkaat", true);
    v.put("kohderyhmaLaheiset", true);
    v.put("kohderyhmaKokemusasiantuntijat", true);
    v.put("kohderyhmaAmmattilaiset", false);
    v.put("kohderyhmaJarjestot", false);
    v.put("kohderyhmaPalveluntuottajat", false);
    v.put("kohderyhmaPaattajat", false);
    v.put("kohderyhmaMuu", null);
    v.put("suunniteltuPaiva", plannedDate);
    v.put("paikka", "Mikkelin kaupungintalo, Raatihuone");
    v.put("menetelmaDialoginen", true);
    v.put("menetelmaPalvelumuotoilu", true);
    v.put("menetelmaToiminnallinen", false);
    v.put("menetelmaMuu", null);
    return v;
  }

  static Map<String, Object> plan(String plannedDate) {
    Map<String, Object> v = new HashMap<>();
    v.put("suunniteltuPaiva", plannedDate);
    v.put("paikka", "Mikkelin kaupungintalo, Raatihuone");
    v.put("ohjelma", "13.00 kahvit ja tervetuloa, 13.30 kokemuspuheenvuoro, 14.00 pienryhmät, 15.00 yhteenveto");
    v.put("fasilitaattorit", "Pia Martikainen (Essote), Vaalijalan kehittäjä");
    v.put("saavutettavuus", "Esteetön tila, induktiosilmukka, selkokieliset materiaalit, avustajat mukaan maksutta.");
    v.put("kokemusasiantuntijatKutsuttu", "kylla");
    v.put("kokemusasiantuntijat", "Kaksi kokemusasiantuntijaa Vaalijalan ryhmästä");
    return v;
  }

  static Map<String, Object> invitations(String sent) {
    Map<String, Object> v = new HashMap<>();
    v.put("sidosryhmat", "Essoten vammaispalvelut\n\nVaalijalan kuntayhtymä\n  Mikkelin seudun vammaisneuvosto  \n");
    v.put("kutsutLahetetty", sent);
    return v;
  }

  static Map<String, Object> held(String day) {
    Map<String, Object> v = new HashMap<>();
    v.put("pidettiin", "kylla");
    v.put("toteutunutPaiva", day);
    v.put("jatko", null);
    v.put("pitamattaSyy", null);
    return v;
  }

  static Map<String, Object> notHeld(String next, String reason) {
    Map<String, Object> v = new HashMap<>();
    v.put("pidettiin", "ei");
    v.put("toteutunutPaiva", null);
    v.put("jatko", next);
    v.put("pitamattaSyy", reason);
    return v;
  }

  static Map<String, Object> outcomes(int participants, int experts) {
    Map<String, Object> v = new HashMap<>();
    v.put("oivallukset", "Osallistujat toivoivat selkokielistä tietoa budjetista ja tukijan valinnasta.");
    v.put("ehdotukset", "Tuetun päätöksenteon tuki kirjataan HB:n periaatteisiin asiakkaan oikeutena.");
    v.put("osallistujia", participants);
    v.put("kokemusasiantuntijoita", experts);
    return v;
  }

  static Map<String, Object> feedback(Object average, Integer givers) {
    Map<String, Object> v = new HashMap<>();
    v.put("palautteenYhteenveto", "Keskustelu koettiin avoimeksi; aikaa toivottiin enemmän pienryhmille.");
    v.put("palautteenKeskiarvo", average);
    v.put("palautteenAntajia", givers);
    return v;
  }

  static Map<String, Object> report(String published, String where) {
    Map<String, Object> v = new HashMap<>();
    v.put("raportti", "Tapahtumaan osallistui asiakkaita, läheisiä ja ammattilaisia. Tulokset viedään THL:lle.");
    v.put("jatkotoimet", null);
    v.put("julkaistu", published);
    v.put("julkaisupaikka", where);
    return v;
  }
}
