package fi.hbflow.support;

import static fi.hbflow.caseflow.HbCaseDriver.assessment;
import static fi.hbflow.caseflow.HbCaseDriver.standardAssessment;
import static fi.hbflow.caseflow.HbCaseDriver.startForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fi.hbflow.HbCaseModels;
import fi.hbflow.TestEngine;
import fi.hbflow.caseflow.HbCaseDriver;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.CallActivityBuilder;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hb-tuen-valinta}: called like the HB service process calls it (a test caller with a call activity that maps
 * in everything and maps out {@link SupportRules#supportVariables()}), one test per support path; started alone as a
 * change of supporter in a running HB case; and the bad inputs each of its forms must refuse.
 */
@HbCaseModels
class HbTuenValintaProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  static final String CALLER = "testi-hb-asia";

  ProcessEngine engine;
  HbCaseDriver hb;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    hb = new HbCaseDriver(engine); // registers ProcessBeans: supportChangeStart/-End, SupportRules in formCheck
    extension.manageDeployment(engine.getRepositoryService().createDeployment().name("testikutsuja")
        .addModelInstance("testi-hb-asia.bpmn", caller()).deploy());
  }

  // ---------------------------------------------------------------- called from an HB case

  @ParameterizedTest
  @ValueSource(strings = {"LAHEISET", "VERTAISTUKI", "PALVELUOHJAAJA", "EI_TUKEA"})
  void aModelWithoutATaskOfItsOwnEndsRightAfterTheChoice(String model) {
    ProcessInstance hbCase = call(Map.of("asiakasNimi", "Aino Asiakas"));
    ProcessInstance choice = calledChoice(hbCase);
    assertThat(choice.getBusinessKey()).isEqualTo("HB-2026-000777");
    assertThat(hb.candidateGroups(hb.task(choice, "Task_TuenValinta"))).containsExactly("hb-vastuuhenkilot", "palveluohjaus");

    Map<String, Object> form = choiceForm(model, "EI_TUKEA".equals(model) ? null : "Sisko Saara");
    hb.complete(choice, "Task_TuenValinta", form);

    assertThat(choice).isEnded().hasPassed("End_TukiValittu").hasNotPassed("Task_VastuuhenkilonVastaanotto",
        "Task_Jarjestosopimus", "Task_Tukipalveluseteli");
    assertThat(hbCase).isWaitingAt("Task_Jatko").variables().containsEntry("tukimalli", model);
    assertThat(hb.variable(hbCase, "tuenVaihtoja")).as("a called choice is not a change").isNull();
  }

  @Test
  void theHbResponsiblePersonAcceptsAndAgreesOnTheFirstMeeting() {
    ProcessInstance hbCase = call(Map.of("asiakasNimi", "Aino Asiakas"));
    ProcessInstance choice = calledChoice(hbCase);
    hb.complete(choice, "Task_TuenValinta", choiceForm("HB_VASTUUHENKILO", "Heikki HB-vastuuhenkilö"));
    assertThat(hb.candidateGroups(hb.task(choice, "Task_VastuuhenkilonVastaanotto"))).containsExactly("hb-vastuuhenkilot");

    engine.getIdentityService().setAuthenticatedUserId("hbvastuuhenkilo");
    hb.complete(choice, "Task_VastuuhenkilonVastaanotto", acceptance("kylla", "2026-06-22", null));
    engine.getIdentityService().clearAuthentication();

    assertThat(choice).isEnded().hasPassed("Task_VastuuhenkilonVastaanotto", "End_TukiValittu");
    assertThat(hbCase).variables().containsEntry("tukimalli", "HB_VASTUUHENKILO")
        .containsEntry("tukijanNimi", "Heikki HB-vastuuhenkilö").containsEntry("vastuuhenkiloOttaaVastaan", "kylla")
        .containsEntry("ensitapaamisenPaiva", "2026-06-22").containsEntry("vastuuhenkilo", "hbvastuuhenkilo")
        .containsEntry("suostumusTietojenLuovutukseen", true);
  }

  @Test
  void theHbResponsiblePersonDeclinesAndTheSupportIsChosenAgain() {
    ProcessInstance hbCase = call(Map.of("asiakasNimi", "Aino Asiakas"));
    ProcessInstance choice = calledChoice(hbCase);
    hb.complete(choice, "Task_TuenValinta", choiceForm("HB_VASTUUHENKILO", "Heikki HB-vastuuhenkilö"));
    hb.complete(choice, "Task_VastuuhenkilonVastaanotto", acceptance("ei", null, "Olen pitkällä lomalla elokuuhun asti."));

    // back to the choice, routed again, with the reason there for the worker
    assertThat(choice).isWaitingAt("Task_TuenValinta");
    assertThat(hb.candidateGroups(hb.task(choice, "Task_TuenValinta"))).containsExactly("hb-vastuuhenkilot", "palveluohjaus");
    assertThat(hb.variable(choice, "vastuuhenkilonHuomiot")).isEqualTo("Olen pitkällä lomalla elokuuhun asti.");

    // another HB-responsible person: the new acceptance task starts without the earlier answer
    hb.complete(choice, "Task_TuenValinta", choiceForm("HB_VASTUUHENKILO", "Hanna HB-vastuuhenkilö"));
    assertThat(hb.variable(choice, "vastuuhenkiloOttaaVastaan")).isNull();
    hb.complete(choice, "Task_VastuuhenkilonVastaanotto", acceptance("ei", null, "En ehdi ottaa uusia asiakkaita."));

    // finally peer support: nothing of the declined HB-responsible persons leaves the choice
    hb.complete(choice, "Task_TuenValinta", choiceForm("VERTAISTUKI", "Vertaistukija Ville"));
    assertThat(choice).isEnded();
    assertThat(hbCase).variables().containsEntry("tukimalli", "VERTAISTUKI").containsEntry("tukijanNimi", "Vertaistukija Ville")
        .containsEntry("vastuuhenkiloOttaaVastaan", null).containsEntry("vastuuhenkilonHuomiot", null);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(choice.getId())
        .activityId("Task_VastuuhenkilonVastaanotto").count()).isEqualTo(2);
  }

  @Test
  void anNgoIsAgreedWithAndAnEarlierSupportsDetailsAreCleared() {
    // the case had a support voucher before: the call activity brings its details in, the new choice must not keep them
    ProcessInstance hbCase = call(Map.of("asiakasNimi", "Aino Asiakas", "tukimalli", "OSTETTU_TUKIPALVELU",
        "tukipalvelunTuottaja", "Tukipalvelu Oy", "palvelusetelinArvoEuroaKk", "200", "palvelusetelinArvoSentit", 20_000L,
        "palvelusetelinTunnus", "PS-1"));
    ProcessInstance choice = calledChoice(hbCase);
    hb.complete(choice, "Task_TuenValinta", choiceForm("JARJESTO", "Etelä-Karjalan Kehitysvammaiset ry"));
    assertThat(hb.candidateGroups(hb.task(choice, "Task_Jarjestosopimus"))).containsExactly("palveluohjaus");
    hb.complete(choice, "Task_Jarjestosopimus", ngoAgreement());

    assertThat(choice).isEnded().hasPassed("Task_Jarjestosopimus");
    assertThat(hbCase).variables().containsEntry("tukimalli", "JARJESTO")
        .containsEntry("jarjestonNimi", "Etelä-Karjalan Kehitysvammaiset ry").containsEntry("jarjestonYhteyshenkilo", "Maija Malli")
        .containsEntry("sopimuksenPaiva", "2026-06-10").containsEntry("tukipalvelunTuottaja", null)
        .containsEntry("palvelusetelinArvoSentit", null).containsEntry("palvelusetelinTunnus", null);
  }

  @Test
  void aPurchasedSupportServiceGetsAVoucher() {
    ProcessInstance hbCase = call(Map.of("asiakasNimi", "Aino Asiakas"));
    ProcessInstance choice = calledChoice(hbCase);
    hb.complete(choice, "Task_TuenValinta", choiceForm("OSTETTU_TUKIPALVELU", "Tukipalvelu Oy"));
    assertThat(hb.candidateGroups(hb.task(choice, "Task_Tukipalveluseteli"))).containsExactly("palveluohjaus");
    hb.complete(choice, "Task_Tukipalveluseteli", voucher("Tukipalvelu Oy", "245,5", "PS-2026-0042"));

    assertThat(choice).isEnded().hasPassed("Task_Tukipalveluseteli");
    assertThat(hbCase).variables().containsEntry("tukimalli", "OSTETTU_TUKIPALVELU")
        .containsEntry("tukipalvelunTuottaja", "Tukipalvelu Oy").containsEntry("palvelusetelinArvoEuroaKk", "245,5")
        .containsEntry("palvelusetelinArvoSentit", 24_550L).containsEntry("palvelusetelinTunnus", "PS-2026-0042");
  }

  // ---------------------------------------------------------------- started alone: change of supporter

  @Test
  void aChangeOfSupporterUpdatesTheRunningCaseAndCountsTheChanges() {
    ProcessInstance hbCase = caseWithSupport();
    String caseKey = hbCase.getBusinessKey();

    ProcessInstance change = startChange(" " + caseKey.toLowerCase() + " ", "Asiakas haluaa järjestön tuen läheisen sijaan.");
    assertThat(change.getBusinessKey()).isEqualTo(caseKey);
    assertThat(change).variables().containsEntry("hbAsia", caseKey).containsEntry("asiakasNimi", "Aino Asiakas")
        .containsEntry("edellinenTukimalli", "LAHEISET").containsEntry("edellinenTukijanNimi", "Isä");
    assertThat(hb.candidateGroups(hb.task(change, "Task_TuenValinta"))).containsExactly("hb-vastuuhenkilot", "palveluohjaus");
    hb.complete(change, "Task_TuenValinta", choiceForm("JARJESTO", "Etelä-Karjalan Kehitysvammaiset ry"));
    hb.complete(change, "Task_Jarjestosopimus", ngoAgreement());

    assertThat(change).isEnded().hasPassed("End_TukiValittu");
    assertThat(historic(change, "tuenVaihtoKirjattu")).isEqualTo(true);
    assertThat(hbCase).isWaitingAt("Task_Tukisuunnitelma").variables().containsEntry("tukimalli", "JARJESTO")
        .containsEntry("tukijanNimi", "Etelä-Karjalan Kehitysvammaiset ry").containsEntry("jarjestonYhteyshenkilo", "Maija Malli")
        .containsEntry("tuenVaihtoja", 1);

    // a second change: a support voucher; the NGO's details leave the case, the counter goes on
    ProcessInstance second = startChange(caseKey, "Järjestön tuki ei riittänyt, asiakas haluaa ostetun tukipalvelun.");
    assertThat(second).variables().containsEntry("edellinenTukimalli", "JARJESTO");
    hb.complete(second, "Task_TuenValinta", choiceForm("OSTETTU_TUKIPALVELU", "Tukipalvelu Oy"));
    hb.complete(second, "Task_Tukipalveluseteli", voucher("Tukipalvelu Oy", "300", "PS-2026-0043"));

    assertThat(hbCase).variables().containsEntry("tukimalli", "OSTETTU_TUKIPALVELU")
        .containsEntry("palvelusetelinArvoSentit", 30_000L).containsEntry("jarjestonNimi", null)
        .containsEntry("sopimuksenPaiva", null).containsEntry("tuenVaihtoja", 2);
    assertThat(hbCase).isWaitingAt("Task_Tukisuunnitelma");
  }

  @Test
  void aChangeForAnUnknownOrEndedCaseIsRefusedInFinnishAndStartsNothing() {
    assertThatThrownBy(() -> startChange("HB-2026-999999", "Asiakas haluaa vaihtaa tukijaa."))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Käynnissä olevaa HB-asiaa HB-2026-999999 ei löydy");

    ProcessInstance ended = hb.open(startForm());
    hb.complete(ended, "Task_Arviointi", HbCaseDriver.notEntitledAssessment());
    assertThat(ended).isEnded();
    assertThatThrownBy(() -> startChange(ended.getBusinessKey(), "Asiakas haluaa vaihtaa tukijaa."))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Käynnissä olevaa HB-asiaa " + ended.getBusinessKey() + " ei löydy");

    assertThat(changes()).isZero();
  }

  @Test
  void aChangeBeforeTheFirstChoiceOrDuringAnotherChangeIsRefused() {
    ProcessInstance early = hb.open(startForm());
    assertThatThrownBy(() -> startChange(early.getBusinessKey(), "Asiakas haluaa vaihtaa tukijaa."))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("ei ole vielä valittu HB-tukea");

    ProcessInstance hbCase = caseWithSupport();
    startChange(hbCase.getBusinessKey(), "Asiakas haluaa vaihtaa tukijaa.");
    assertThatThrownBy(() -> startChange(hbCase.getBusinessKey(), "Toinen vaihto samaan aikaan."))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("tuen vaihto jo kesken");
    assertThat(changes()).isEqualTo(1);
  }

  @Test
  void aChangeWhoseCaseEndedMeanwhileEndsWithoutWritingAnything() {
    ProcessInstance hbCase = caseWithSupport();
    ProcessInstance change = startChange(hbCase.getBusinessKey(), "Asiakas haluaa vaihtaa tukijaa.");
    engine.getRuntimeService().deleteProcessInstance(hbCase.getId(), "HB päättyi");

    hb.complete(change, "Task_TuenValinta", choiceForm("VERTAISTUKI", "Vertaistukija Ville"));
    assertThat(change).isEnded();
    assertThat(historic(change, "tuenVaihtoKirjattu")).isEqualTo(false);
  }

  @Test
  void aBadChangeStartFormIsRefusedWithAllItsProblemsAndStartsNothing() {
    assertThatThrownBy(() -> startChange("HB-26-1", " "))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'HB-26-1' on väärän muotoinen")
        .hasMessageContaining("Tuen vaihdon syy puuttuu");
    assertThatThrownBy(() -> startChange(null, "Asiakas haluaa vaihtaa tukijaa."))
        .hasMessageContaining("HB-asian numero puuttuu");
    assertThat(changes()).isZero();
  }

  // ---------------------------------------------------------------- bad input in the task forms

  @Test
  void aBadAcceptanceIsRefusedAndTheTaskStays() {
    ProcessInstance choice = calledChoice(call(Map.of("asiakasNimi", "Aino Asiakas")));
    hb.complete(choice, "Task_TuenValinta", choiceForm("HB_VASTUUHENKILO", "Heikki HB-vastuuhenkilö"));
    String taskId = hb.task(choice, "Task_VastuuhenkilonVastaanotto").getId();

    assertThatThrownBy(() -> hb.complete(choice, "Task_VastuuhenkilonVastaanotto", acceptance(null, null, null)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Otatko tukitehtävän vastaan: valitse");
    assertThatThrownBy(() -> hb.complete(choice, "Task_VastuuhenkilonVastaanotto", acceptance("kylla", null, null)))
        .hasMessageContaining("Ensitapaamisen päivä puuttuu");
    assertThatThrownBy(() -> hb.complete(choice, "Task_VastuuhenkilonVastaanotto", acceptance("kylla", "22.6.2026", null)))
        .hasMessageContaining("Ensitapaamisen päivä (pakollinen): anna päivämäärä muodossa vvvv-kk-pp.");
    assertThatThrownBy(() -> hb.complete(choice, "Task_VastuuhenkilonVastaanotto", acceptance("ei", null, "")))
        .hasMessageContaining("Syy, miksi et voi ottaa tukitehtävää vastaan puuttuu");
    assertThatThrownBy(() -> hb.complete(choice, "Task_VastuuhenkilonVastaanotto", acceptance("ehkä", null, null)))
        .hasMessageContaining("annettu arvo ei ole lomakkeen vaihtoehto");

    assertThat(hb.task(choice, "Task_VastuuhenkilonVastaanotto").getId()).isEqualTo(taskId);
    assertThat(hb.variable(choice, "vastuuhenkiloOttaaVastaan")).isNull();
  }

  @Test
  void aBadNgoAgreementIsRefusedAndTheTaskStays() {
    ProcessInstance choice = calledChoice(call(Map.of("asiakasNimi", "Aino Asiakas")));
    hb.complete(choice, "Task_TuenValinta", choiceForm("JARJESTO", "Järjestö ry"));

    assertThatThrownBy(() -> hb.complete(choice, "Task_Jarjestosopimus", new HashMap<>()))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Järjestön nimi puuttuu")
        .hasMessageContaining("Järjestön yhteyshenkilö puuttuu").hasMessageContaining("Järjestön yhteystiedot puuttuu")
        .hasMessageContaining("Sopimuksen päivä puuttuu").hasMessageContaining("Mitä järjestön kanssa sovittiin puuttuu");
    Map<String, Object> future = ngoAgreement();
    future.put("sopimuksenPaiva", "2026-07-01");
    assertThatThrownBy(() -> hb.complete(choice, "Task_Jarjestosopimus", future))
        .hasMessageContaining("Sopimuksen päivä 2026-07-01 on tulevaisuudessa");

    assertThat(choice).isWaitingAt("Task_Jarjestosopimus");
    assertThat(hb.variable(choice, "jarjestonNimi")).isNull();
  }

  @Test
  void aBadVoucherIsRefusedAndTheTaskStays() {
    ProcessInstance choice = calledChoice(call(Map.of("asiakasNimi", "Aino Asiakas")));
    hb.complete(choice, "Task_TuenValinta", choiceForm("OSTETTU_TUKIPALVELU", "Tukipalvelu Oy"));

    assertThatThrownBy(() -> hb.complete(choice, "Task_Tukipalveluseteli", voucher("", "12,345", "")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Tukipalvelun tuottaja puuttuu")
        .hasMessageContaining("'12,345' ei ole euromäärä").hasMessageContaining("Palvelusetelin tunnus puuttuu");
    assertThatThrownBy(() -> hb.complete(choice, "Task_Tukipalveluseteli", voucher("Tukipalvelu Oy", "0", "PS-1")))
        .hasMessageContaining("suurempi kuin 0");
    assertThatThrownBy(() -> hb.complete(choice, "Task_Tukipalveluseteli", voucher("Tukipalvelu Oy", "-50", "PS-1")))
        .hasMessageContaining("negatiivinen");
    assertThatThrownBy(() -> hb.complete(choice, "Task_Tukipalveluseteli", voucher("Tukipalvelu Oy", null, "PS-1")))
        .hasMessageContaining("Palvelusetelin arvo €/kk puuttuu");

    assertThat(choice).isWaitingAt("Task_Tukipalveluseteli");
    assertThat(hb.variable(choice, "palvelusetelinArvoSentit")).isNull();
  }

  // ---------------------------------------------------------------- helpers

  /** An HB case as the service process will be: a call activity into the choice, the choice's variables mapped out. */
  static BpmnModelInstance caller() {
    CallActivityBuilder call = Bpmn.createExecutableProcess(CALLER).camundaHistoryTimeToLive(1)
        .startEvent().callActivity("Call_TuenValinta").calledElement(SupportRules.PROCESS)
        .camundaInBusinessKey("#{execution.processBusinessKey}");
    for (String name : SupportRules.supportVariables()) {
      call = call.camundaOut(name, name);
    }
    BpmnModelInstance model = call.userTask("Task_Jatko").endEvent().done();
    CallActivity activity = model.getModelElementById("Call_TuenValinta");
    CamundaIn all = model.newInstance(CamundaIn.class);
    all.setCamundaVariables("all");
    activity.getExtensionElements().addChildElement(all);
    return model;
  }

  private ProcessInstance call(Map<String, Object> caseVariables) {
    return engine.getRuntimeService().startProcessInstanceByKey(CALLER, "HB-2026-000777", caseVariables);
  }

  private ProcessInstance calledChoice(ProcessInstance hbCase) {
    ProcessInstance choice = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(hbCase.getId()).singleResult();
    assertThat(choice).isNotNull();
    return choice;
  }

  /** A running HB case whose support was chosen (close network), waiting at the support plan. */
  private ProcessInstance caseWithSupport() {
    ProcessInstance hbCase = hb.open(startForm());
    hb.complete(hbCase, "Task_Arviointi", standardAssessment());
    hb.complete(hbCase, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla", "nykyistaVoiMuokata", "ei",
        "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")));
    // the choice is a user task of the case, or (once the case calls hb-tuen-valinta) of the called choice
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(hbCase.getId()).singleResult();
    hb.complete(called != null ? called : hbCase, "Task_TuenValinta", choiceForm("LAHEISET", "Isä"));
    hb.runJobs(hbCase);
    assertThat(hbCase).isWaitingAt("Task_Tukisuunnitelma");
    return hbCase;
  }

  private ProcessInstance startChange(String caseKey, String reason) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(SupportRules.PROCESS).latestVersion().singleResult().getId();
    Map<String, Object> form = new HashMap<>();
    form.put("hbAsia", caseKey);
    form.put("vaihdonSyy", reason);
    return engine.getFormService().submitStartForm(definitionId, form);
  }

  /** Changes of supporter started alone, running or ended (the choices the HB cases call are not counted). */
  private long changes() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(SupportRules.PROCESS).rootProcessInstances().count();
  }

  private Object historic(ProcessInstance pi, String name) {
    HistoricVariableInstance v = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(name).singleResult();
    return v == null ? null : v.getValue();
  }

  private static Map<String, Object> choiceForm(String model, String supporter) {
    Map<String, Object> v = new HashMap<>();
    v.put("tukimalli", model);
    v.put("tukijanNimi", supporter);
    v.put("tukijanYhteystiedot", supporter == null ? null : "040 765 4321");
    v.put("suostumusTietojenLuovutukseen", supporter == null ? null : true); // hidden without a supporter
    v.put("tuenSisalto", supporter == null ? null : "Tukisuunnitelman laatiminen ja palveluntuottajien vertailu");
    return v;
  }

  private static Map<String, Object> acceptance(String answer, String firstMeeting, String notes) {
    Map<String, Object> v = new HashMap<>();
    v.put("vastuuhenkiloOttaaVastaan", answer);
    v.put("ensitapaamisenPaiva", firstMeeting);
    v.put("vastuuhenkilonHuomiot", notes);
    return v;
  }

  private static Map<String, Object> ngoAgreement() {
    Map<String, Object> v = new HashMap<>();
    v.put("jarjestonNimi", "Etelä-Karjalan Kehitysvammaiset ry");
    v.put("jarjestonYhteyshenkilo", "Maija Malli");
    v.put("jarjestonYhteystiedot", "maija.malli@example.fi");
    v.put("sopimuksenPaiva", "2026-06-10");
    v.put("sopimuksenSisalto", "Tukihenkilö tapaa asiakkaan kahdesti kuukaudessa suunnitelman ajan.");
    return v;
  }

  private static Map<String, Object> voucher(String provider, String euros, String id) {
    Map<String, Object> v = new HashMap<>();
    v.put("tukipalvelunTuottaja", provider);
    v.put("palvelusetelinArvoEuroaKk", euros);
    v.put("palvelusetelinTunnus", id);
    return v;
  }
}
