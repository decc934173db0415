package fi.hbflow.engine;

import static fi.hbflow.caseflow.HbCaseDriver.plan;
import static fi.hbflow.caseflow.HbCaseDriver.standardAssessment;
import static fi.hbflow.caseflow.HbCaseDriver.startForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fi.hbflow.HbCaseModels;
import fi.hbflow.TestEngine;
import fi.hbflow.caseflow.HbCaseDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The form contract in the engine (FormContractPlugin): the attacks of issue 13 through every submitting command of
 * the Java API — the same commands {@code /engine-rest}, Tasklist and HB Flow's own API run. Each is refused with the
 * form's Finnish message, and nothing of it is stored.
 */
@HbCaseModels
class FormContractProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;
  HbCaseDriver hb;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    hb = new HbCaseDriver(engine);
  }

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  private long cases() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hb-palveluprosessi").count();
  }

  @Test
  void aPlanCarryingTheBudgetTheAgeGroupOrTheDecisionMakerIsRefusedAndNothingIsStored() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    hb.complete(pi, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu",
        "kylla", "nykyistaVoiMuokata", "ei", "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")));
    hb.complete(pi, "Task_TuenValinta", Map.of("tukimalli", "VERTAISTUKI", "tukijanNimi", "Ville Vertainen",
        "suostumusTietojenLuovutukseen", true, "tuenSisalto", "Suunnitelman laatiminen"));
    Object budget = hb.variable(pi, "budjettiKausiSentit");
    String taskId = hb.task(pi, "Task_Tukisuunnitelma").getId();

    Map<String, Object> forged = plan("Avustaja", "Avustajapalvelu Oy", "6000,00");
    forged.put("budjettiKausiSentit", 999_999_999L);
    forged.put("vuosibudjettiSentit", 100L);
    forged.put("ikaryhma", "aikuinen");
    forged.put("paattajaRyhma", "sosiaalityo");
    for (Runnable attack : List.<Runnable>of(
        () -> engine.getFormService().submitTaskForm(taskId, forged),
        () -> engine.getTaskService().complete(taskId, forged),
        () -> engine.getTaskService().resolveTask(taskId, forged))) {
      assertThatThrownBy(attack::run).isInstanceOf(FormFieldValidationException.class)
          .hasMessageStartingWith("Lomaketta ei voitu tallentaa: Lomakkeessa ei ole kenttiä")
          .hasMessageContaining("'budjettiKausiSentit'", "'vuosibudjettiSentit'", "'ikaryhma'", "'paattajaRyhma'");
    }
    assertThat(pi).isWaitingAt("Task_Tukisuunnitelma");
    assertThat(hb.variable(pi, "budjettiKausiSentit")).isEqualTo(budget);
    assertThat(hb.variable(pi, "paattajaRyhma")).isNull();
    assertThat(hb.variable(pi, "suunnitelma1Mita")).isNull();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  void aStartFormCarryingTheClocksDatesAnHtmlMunicipalityOrAJsonNameStartsNothing() {
    Map<String, Object> clocksOff = startForm();
    clocksOff.put("paatospaiva", "2026-06-02");
    clocksOff.put("arvioinninAloituspaiva", "2026-06-02");
    clocksOff.put("toteutuksenAloituspaiva", "2026-06-02");
    assertThatThrownBy(() -> hb.open(clocksOff)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'paatospaiva'", "'arvioinninAloituspaiva'", "'toteutuksenAloituspaiva'");
    // the same values through a plain start (REST /process-definition/key/.../start) instead of the start form
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("hb-palveluprosessi", clocksOff))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'paatospaiva'");

    Map<String, Object> html = startForm();
    html.put("kotikunta", "<img src=x onerror=alert(1)>");
    assertThatThrownBy(() -> hb.open(html)).hasMessageContaining("Kotikunta: annettu arvo ei ole lomakkeen vaihtoehto")
        .hasMessageNotContaining("<img");

    Map<String, Object> jsonName = startForm();
    jsonName.put("asiakasNimi", Variables.serializedObjectValue("{\"a\":1}")
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).objectTypeName("java.util.HashMap").create());
    assertThatThrownBy(() -> hb.open(jsonName)).hasMessageContaining("Asiakkaan nimi: tietotyyppi Object");
    Map<String, Object> spinName = startForm();
    spinName.put("asiakasNimi", org.camunda.spin.plugin.variable.SpinValues.jsonValue("{\"nimi\":\"x\"}").create());
    assertThatThrownBy(() -> hb.open(spinName)).hasMessageContaining("Asiakkaan nimi: arvon pitää olla tekstiä.");

    assertThat(cases()).isZero();
  }

  @Test
  void aWrongTypedValueOrAnOversizeTextIsRefusedWithoutAnIncident() {
    ProcessInstance pi = hb.open(startForm());
    String taskId = hb.task(pi, "Task_Arviointi").getId();
    Map<String, Object> form = standardAssessment();
    form.put("budjettikaudenPituusKk", "paljon");
    form.put("arvioinninYhteenveto", " ".repeat(3990) + "Yhteenveto ja vielä vähän.");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, form))
        .hasMessageContaining("Budjettikauden pituus, kuukautta: arvon pitää olla luku.")
        .hasMessageContaining("enintään 4000 merkkiä (nyt 4016)");
    form.put("budjettikaudenPituusKk", 12);
    form.put("arvioinninAloituspaiva", "5.6.2026");
    form.put("arvioinninYhteenveto", "Yhteenveto.");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId, form))
        .hasMessageContaining("anna päivämäärä muodossa vvvv-kk-pp");
    assertThat(pi).isWaitingAt("Task_Arviointi");
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void anElectronicRectificationRequestCarriesOnlyWhatItsFormRecords() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    hb.complete(pi, "Task_Paatos", HbCaseDriver.decision("hylatty"));
    hb.complete(pi, "Task_Tiedoksianto", Map.of("tiedoksiantopaiva", "2026-06-13", "tiedoksiantotapa", "sahkoinen"));

    // the message would also turn the refusal into a grant: refused, the window still open
    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("HB_OIKAISUVAATIMUS")
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("oikaisuvaatimuksenSisalto", "Vaadin oikaisua.").setVariable("paatos", "myonnetty").correlate())
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Lomakkeessa ei ole kenttää 'paatos'");
    assertThat(pi).isWaitingAt("Task_OikaisuvaatimusAika");
    assertThat(hb.variable(pi, "paatos")).isEqualTo("hylatty");

    engine.getRuntimeService().createMessageCorrelation("HB_OIKAISUVAATIMUS")
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("oikaisuvaatimuksenSisalto", "Vaadin päätöksen oikaisua: tarve on arvioitu liian pieneksi.")
        .correlate();
    assertThat(pi).isWaitingAt("Task_Oikaisuvaatimus");
  }

  @Test
  void aStartInTheMiddleOfTheProcessIsOnlyForTheAdministrator() {
    engine.getIdentityService().setAuthentication("sanna", List.of("sosiaalityo"));
    try {
      assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey("hb-palveluprosessi")
          .startBeforeActivity("Task_Paatos").setVariable("paattajaRyhma", "sosiaalityo").execute())
          .isInstanceOf(AuthorizationException.class).hasMessageContaining("vain pääkäyttäjä");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(cases()).isZero();
  }

  @Test
  void aFieldAProcessOwnerAddsToAFormIsAcceptedWithoutJava() throws Exception {
    // the suitability form with one more field, deployed with the process as the Modeler would
    String form = Files.readString(Path.of("forms/hb-soveltuvuus.form"), StandardCharsets.UTF_8)
        .replaceFirst("\"components\"\\s*:\\s*\\[", "\"components\": [{\"type\": \"textfield\", \"key\": "
            + "\"lisatieto\", \"label\": \"Lisätieto\", \"id\": \"Field_lisatieto\"},");
    org.camunda.bpm.engine.repository.Deployment version2 = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/hb-palveluprosessi.bpmn")
        .addString("hb-soveltuvuus.form", form)
        .addClasspathResource("forms/hb-vireilletulo.form")
        .addClasspathResource("forms/hb-palvelutarpeen-arviointi.form").deploy();
    extension.manageDeployment(version2);

    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    Map<String, Object> suitability = new HashMap<>(fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of(
        "hbSoveltuu", "ei", "nykyistaVoiMuokata", "kylla", "soveltuvuudenPerustelut", "Nykyistä voi muokata.")));
    suitability.put("lisatieto", "Uusi kenttä toimii.");
    hb.complete(pi, "Task_Soveltuvuus", suitability);
    assertThat(pi).isEnded();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("lisatieto").singleResult().getValue()).isEqualTo("Uusi kenttä toimii.");
  }
}
