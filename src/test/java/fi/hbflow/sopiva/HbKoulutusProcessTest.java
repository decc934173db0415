package fi.hbflow.sopiva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fi.hbflow.TestEngine;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code hb-koulutus}: a training with two sessions from its needs survey to its report, and the bad input every form
 * must refuse (in Finnish, the task staying).
 */
@Deployment(resources = {"processes/hb-koulutus.bpmn", "processes/hb-tehtavien-reititys.dmn",
    "forms/hb-koulutus-kartoitus.form", "forms/hb-koulutus-suunnitelma.form", "forms/hb-koulutus-kerta.form",
    "forms/hb-koulutus-palaute.form", "forms/hb-koulutus-raportti.form"})
class HbKoulutusProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  static final String PROCESS = SopivaRules.TRAINING_PROCESS;

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
  void aTrainingWithTwoSessionsRunsFromItsNeedsSurveyToItsReport() {
    ProcessInstance pi = sopiva.start(PROCESS, survey());
    assertThat(pi.getBusinessKey()).matches("KOULUTUS-2026-[0-9A-F]{4}");
    assertThat(pi).isWaitingAt(SopivaRules.TRAINING_PLAN).variables().containsEntry("sopivaTunnus", pi.getBusinessKey())
        .containsEntry("aloittaja", "kehittaja");

    sopiva.complete(pi, SopivaRules.TRAINING_PLAN, plan(true, false, true, false, 2));
    assertThat(sopiva.variable(pi, "teemat")).isEqualTo("itsemääräämisoikeus, tuettu päätöksenteko");

    sopiva.complete(pi, SopivaRules.TRAINING_SESSION, session("2026-06-10", 12, "Itsemääräämisoikeus: alustus ja "
        + "tapausesimerkit pienryhmissä ja kotitehtävä", "kylla"));
    // the next session's task starts empty; the first is in the running list
    assertThat(pi).isWaitingAt(SopivaRules.TRAINING_SESSION);
    assertThat(sopiva.variable(pi, "kerranPaiva")).isNull();
    assertThat(sopiva.variable(pi, "lisaaKertoja")).isNull();
    assertThat(sopiva.variable(pi, "pidetytKerrat")).isEqualTo(1);

    SopivaDriver.setToday(LocalDate.of(2026, 6, 25));
    sopiva.complete(pi, SopivaRules.TRAINING_SESSION, session("2026-06-24", 10, "Tuettu päätöksenteko", "ei"));
    assertThat(pi).isWaitingAt(SopivaRules.TRAINING_FEEDBACK).variables().containsEntry("pidetytKerrat", 2)
        .containsEntry("osallistujiaYhteensa", 22)
        .containsEntry("koulutuskerrat", "1. 10.6.2026 – 12 osallistujaa – Itsemääräämisoikeus: alustus ja tapausesimerkit"
            + " pienryhmiss…\n2. 24.6.2026 – 10 osallistujaa – Tuettu päätöksenteko");

    sopiva.complete(pi, SopivaRules.TRAINING_FEEDBACK, feedback(4.6, 18));
    sopiva.complete(pi, SopivaRules.TRAINING_REPORT, report());

    assertThat(pi).isEnded().hasPassedInOrder("KoulutusAlkaa", SopivaRules.TRAINING_PLAN, SopivaRules.TRAINING_SESSION,
        SopivaRules.TRAINING_FEEDBACK, SopivaRules.TRAINING_REPORT, "End_Raportoitu");
    assertThat(sopiva.passes(pi, SopivaRules.TRAINING_SESSION)).isEqualTo(2);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("sopivaTulos").singleResult().getValue()).isEqualTo("raportoitu");
  }

  @Test
  void aBadNeedsSurveyIsRefusedWithAllItsProblemsAndStartsNothing() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("koulutuksenNimi", "HB");
    bad.put("kartoituksenVastaajia", -3);
    assertThatThrownBy(() -> sopiva.start(PROCESS, bad)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageStartingWith("Lomaketta ei voitu tallentaa:")
        .hasMessageContaining("Koulutuksen työnimi: kirjoita vähintään 3 merkkiä")
        .hasMessageContaining("Kohderyhmä puuttuu")
        .hasMessageContaining("Kartoitukseen vastanneita: sallittu 0–10000, annettu -3")
        .hasMessageContaining("Kartoituksen tulokset puuttuu");
    assertThat(sopiva.instances(PROCESS)).isZero();
  }

  @Test
  void badInputInEveryTaskFormIsRefusedInFinnishAndTheTaskStays() {
    ProcessInstance pi = sopiva.start(PROCESS, survey());

    refused(pi, SopivaRules.TRAINING_PLAN, plan(false, false, false, false, 2),
        "Teemat: valitse vähintään yksi teema");
    refused(pi, SopivaRules.TRAINING_PLAN, plan(false, true, false, false, 0),
        "Suunniteltuja koulutuskertoja: sallittu 1–30, annettu 0");
    Map<String, Object> noTrainers = plan(false, false, false, true, 31);
    noTrainers.put("kouluttajat", " ");
    refused(pi, SopivaRules.TRAINING_PLAN, noTrainers, "annettu 31", "Kouluttajat puuttuu");
    sopiva.complete(pi, SopivaRules.TRAINING_PLAN, plan(false, true, false, true, 1));

    refused(pi, SopivaRules.TRAINING_SESSION, session("2026-06-16", 10, "Osallisuus", "ei"),
        "Koulutuskerran päivä 2026-06-16 on tulevaisuudessa");
    refused(pi, SopivaRules.TRAINING_SESSION, session("16.6.2026", 0, "", null),
        "Koulutuskerran päivä: anna päivämäärä muodossa vvvv-kk-pp."); // the form's contract: a plain ISO date
    refused(pi, SopivaRules.TRAINING_SESSION, session(null, 0, "", null), "Osallistujia: sallittu 1–1000, annettu 0",
        "Koulutuskerran sisältö puuttuu", "Onko koulutuskertoja vielä jäljellä: valitse");
    assertThat(sopiva.variable(pi, "pidetytKerrat")).isNull();
    sopiva.complete(pi, SopivaRules.TRAINING_SESSION, session("2026-06-15", 9, "Osallisuus ja vuorovaikutus", "ei"));

    refused(pi, SopivaRules.TRAINING_FEEDBACK, feedback(null, null), "Palautteen yhteenveto puuttuu",
        "Palautteen keskiarvo puuttuu");
    refused(pi, SopivaRules.TRAINING_FEEDBACK, feedback(6, 10), "asteikko on 1–5, annettu 6",
        "Palautteen antajia (10) on enemmän kuin osallistujia kaikilla kerroilla yhteensä (9)");
    sopiva.complete(pi, SopivaRules.TRAINING_FEEDBACK, feedback(3.9, 9));

    Map<String, Object> report = report();
    report.put("julkaistu", "ehkä");
    refused(pi, SopivaRules.TRAINING_REPORT, report, "annettu arvo ei ole lomakkeen vaihtoehto (sallitut: kylla, ei)");
    sopiva.complete(pi, SopivaRules.TRAINING_REPORT, report());
    assertThat(pi).isEnded();
  }

  // ---------------------------------------------------------------- helpers

  private void refused(ProcessInstance pi, String taskKey, Map<String, Object> form, String... messages) {
    String taskId = sopiva.task(pi, taskKey).getId();
    var thrown = assertThatThrownBy(() -> sopiva.complete(pi, taskKey, form))
        .isInstanceOf(FormFieldValidationException.class).hasMessageStartingWith("Lomaketta ei voitu tallentaa:");
    for (String message : messages) {
      thrown.hasMessageContaining(message);
    }
    assertThat(sopiva.task(pi, taskKey).getId()).isEqualTo(taskId);
  }

  static Map<String, Object> survey() {
    Map<String, Object> v = new HashMap<>();
    v.put("koulutuksenNimi", "Tuettu päätöksenteko arjessa");
    v.put("kohderyhma", "Sosiaalityöntekijät ja palveluohjaajat");
    v.put("kartoituksenVastaajia", 48);
    v.put("kartoituksenTulokset", "Eniten toivottiin tuetun päätöksenteon menetelmiä ja itsemääräämisoikeuden "
        + "rajanvetoja asumisyksiköissä.");
    return v;
  }

  static Map<String, Object> plan(boolean selfDetermination, boolean participation, boolean supportedDecisions,
      boolean communication, int sessions) {
    Map<String, Object> v = new HashMap<>();
    v.put("teemaItsemaaraamisoikeus", selfDetermination);
    v.put("teemaOsallisuus", participation);
    v.put("teemaTuettuPaatoksenteko", supportedDecisions);
    v.put("teemaVuorovaikutus", communication);
    v.put("teemaMuu", null);
    v.put("koulutuskertojaSuunniteltu", sessions);
    v.put("kouluttajat", "Vaalijalan kuntayhtymän kouluttajat");
    v.put("koulutuksenTavoitteet", null);
    return v;
  }

  static Map<String, Object> session(String day, int participants, String content, String more) {
    Map<String, Object> v = new HashMap<>();
    v.put("kerranPaiva", day);
    v.put("kerranOsallistujia", participants);
    v.put("kerranSisalto", content);
    v.put("lisaaKertoja", more);
    return v;
  }

  static Map<String, Object> feedback(Object average, Integer givers) {
    Map<String, Object> v = new HashMap<>();
    v.put("palautteenYhteenveto", average == null ? null : "Käytännön esimerkit koettiin hyödyllisiksi.");
    v.put("palautteenKeskiarvo", average);
    v.put("palautteenAntajia", givers);
    return v;
  }

  static Map<String, Object> report() {
    Map<String, Object> v = new HashMap<>();
    v.put("raportti", "Koulutus pidettiin kahtena iltapäivänä; osallistujat saivat välineitä tuettuun päätöksentekoon.");
    v.put("jatkotoimet", "Jatkokoulutus vuorovaikutuksesta syksyllä.");
    v.put("julkaistu", "ei");
    v.put("julkaisupaikka", null);
    return v;
  }
}
