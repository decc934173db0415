package fi.hbflow.caseflow;

import static fi.hbflow.caseflow.HbCaseDriver.standardAssessment;
import static fi.hbflow.caseflow.HbCaseDriver.startForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.TestEngine;
import fi.hbflow.forms.FormRejected;
import fi.hbflow.identity.Roles;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
 * {@code hb-asian-muutos}: the social worker's Tasklist start form that ends HB at once or opens the review now
 * (issue 21 item 7), done by the same code as the REST routes. Accepted: the case's review opens now, or the case ends
 * at once with its commitments task, and the start is in the history (who, what, which case). Refused (unknown case,
 * case not waiting, already ended, a starter outside the social workers, a hidden field's value, a bad value): the form
 * is refused with a Finnish message, and nothing is left behind — no instance, no history, no value on the case, no
 * incident.
 */
@Deployment(resources = {"processes/hb-asian-muutos.bpmn", "processes/hb-palveluprosessi.bpmn",
    "processes/hb-tuen-valinta.bpmn", "processes/hb-maaraikavalvonta.bpmn", "processes/hb-budjetin-kaytto.bpmn",
    "processes/hb-yksikkohinnat.dmn", "processes/hb-palvelukoodit.dmn", "processes/hb-delegointisaannot.dmn",
    "processes/hb-tehtavien-reititys.dmn", "processes/hb-maaraajat.dmn"})
class HbCaseChangeProcessTest {

  static final String PROCESS = Roles.CASE_CHANGE_PROCESS;

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

  @Test
  void aSocialWorkerOpensTheReviewNowFromTasklist() {
    ProcessInstance pi = hb.toFollowUp(startForm());
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa");

    String change = start("sanna", Roles.SOCIAL_WORK, reviewNow(pi.getBusinessKey(), "Avustaja lopetti, tarpeet on katsottava."));

    assertThat(pi).isWaitingAt("Task_Seuranta").hasPassed("Event_SeurantaNyt");
    assertThat(hb.variable(pi, "seurantaNytSyy")).isEqualTo("Avustaja lopetti, tarpeet on katsottava.");
    assertThat(hb.variable(pi, "seurantaNytPyytaja")).isEqualTo("sanna");
    // the start is recorded as any start: who, what, which case, and it ended at once
    HistoricProcessInstance started = historic(change);
    assertThat(started.getStartUserId()).isEqualTo("sanna");
    assertThat(started.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    assertThat(started.getEndTime()).isNotNull();
    assertThat(historicVariable(change, "asianMuutos")).isEqualTo("seuranta_nyt");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
  }

  @Test
  void aLeadingSocialWorkerEndsHbAtOnceAndTheCommitmentsAreListed() {
    ProcessInstance pi = hb.toFollowUp(startForm());

    String change = start("johanna", Roles.LEADING_SOCIAL_WORKERS, ending(pi.getBusinessKey(), "muutto", "2026-06-14"));

    assertThat(hb.tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Paattaminen");
    assertThat(hb.variable(pi, "paattymisenSyy")).isEqualTo("muutto");
    assertThat(hb.variable(pi, "paattymisPaiva")).isEqualTo("2026-06-14");
    assertThat(hb.variable(pi, "paattymisenKirjaaja")).isEqualTo("johanna");
    assertThat(hb.variable(pi, "avoimetSitoumuksetTeksti").toString()).contains("Budjetti").contains("käytetty");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hb-budjetin-kaytto")
        .processInstanceBusinessKey(pi.getBusinessKey()).count()).isZero();
    assertThat(historic(change).getStartUserId()).isEqualTo("johanna");
    assertThat(historic(change).getBusinessKey()).isEqualTo(pi.getBusinessKey());
  }

  @Test
  void aCaseNumberTypedWithSpacesOrInLowerCaseIsFound() {
    ProcessInstance pi = hb.toFollowUp(startForm());
    String typed = " " + pi.getBusinessKey().toLowerCase() + " ";
    start("sanna", Roles.SOCIAL_WORK, reviewNow(typed, "Tarpeet muuttuivat."));
    assertThat(pi).isWaitingAt("Task_Seuranta");
  }

  @Test
  void anUnknownCaseIsRefusedAndNothingIsLeftBehind() {
    refused("sanna", Roles.SOCIAL_WORK, reviewNow("HB-1999-999999", "Tarpeet muuttuivat."), "HB-asiaa HB-1999-999999 "
        + "ei löydy");
    refused("sanna", Roles.SOCIAL_WORK, reviewNow("HB-99", "Tarpeet muuttuivat."), "väärän muotoinen");
  }

  @Test
  void aCaseThatDoesNotWaitForItsReviewIsRefused() {
    ProcessInstance pi = hb.open(startForm());
    refused("sanna", Roles.SOCIAL_WORK, reviewNow(pi.getBusinessKey(), "Tarpeet muuttuivat."), "ei odota seurantaa");
    assertThat(hb.variable(pi, "seurantaNytSyy")).isNull();
    assertThat(hb.tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Arviointi");
  }

  @Test
  void anEndAlreadyStartedAndACaseAlreadyEndedAreRefused() {
    ProcessInstance pi = hb.toDecision(standardAssessment());
    start("sanna", Roles.SOCIAL_WORK, ending(pi.getBusinessKey(), "kuolema", "2026-06-14"));

    refused("sanna", Roles.SOCIAL_WORK, ending(pi.getBusinessKey(), "muutto", "2026-06-14"), "on jo aloitettu");
    assertThat(hb.variable(pi, "paattymisenSyy")).isEqualTo("kuolema");

    hb.complete(pi, "Task_Paattaminen", Map.of("sitoumustenPaattaminen", "Ei avoimia sitoumuksia, asia päätetty."));
    assertThat(pi).isEnded();
    refused("sanna", Roles.SOCIAL_WORK, ending(pi.getBusinessKey(), "muutto", "2026-06-14"), "on jo päättynyt");
    refused("sanna", Roles.SOCIAL_WORK, reviewNow(pi.getBusinessKey(), "Tarpeet muuttuivat."), "on jo päättynyt");
  }

  @Test
  void aStarterOutsideTheSocialWorkersIsRefusedWhateverTheEngineLetThrough() {
    ProcessInstance pi = hb.toFollowUp(startForm());
    refused("pia", Roles.SERVICE_COORDINATION, reviewNow(pi.getBusinessKey(), "Tarpeet muuttuivat."),
        "Sinulla ei ole oikeutta");
    refused(null, null, ending(pi.getBusinessKey(), "muutto", "2026-06-14"), "Kirjaudu sisään");
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa");
    assertThat(hb.variable(pi, "seurantaNytSyy")).isNull();
    assertThat(hb.variable(pi, "paattymisenSyy")).isNull();
  }

  @Test
  void aHiddenFieldsValueOrABadValueIsRefused() {
    ProcessInstance pi = hb.toFollowUp(startForm());
    // the end's reason sent with a review now: the form hides it, so the server refuses it
    Map<String, Object> hidden = reviewNow(pi.getBusinessKey(), "Tarpeet muuttuivat.");
    hidden.put("paattymisenSyy", "kuolema");
    refused("sanna", Roles.SOCIAL_WORK, hidden, "'Päättymisen syy' on piilotettu");
    refused("sanna", Roles.SOCIAL_WORK, ending(pi.getBusinessKey(), "kyllastyminen", "2026-06-14"), "Päättymisen syy");
    refused("sanna", Roles.SOCIAL_WORK, ending(pi.getBusinessKey(), "muutto", "2026-06-16"), "tulevaisuudessa");
    refused("sanna", Roles.SOCIAL_WORK, reviewNow(pi.getBusinessKey(), "ok"), "Seurannan aikaistamisen perustelu");
    Map<String, Object> noAction = reviewNow(pi.getBusinessKey(), null);
    noAction.remove("asianMuutos");
    noAction.remove("seurantaNytSyy");
    refused("sanna", Roles.SOCIAL_WORK, noAction, "Mitä asialle tehdään");
    assertThat(pi).isWaitingAt("Gateway_SeurantaOdottaa");
    assertThat(hb.variable(pi, "paattymisenSyy")).isNull();
  }

  @Test
  void theEndsFieldsAreThoseOfTheEndingFormTheRestRouteChecks() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode start = json.readTree(new File("forms/hb-asian-muutos.form")).get("components");
    JsonNode ending = json.readTree(new File("forms/hb-paattyminen.form")).get("components");
    for (String key : CaseActionDelegate.ENDING_FIELDS) {
      JsonNode ours = field(start, key);
      JsonNode theirs = field(ending, key);
      assertThat(ours).as(key).isNotNull();
      for (String property : List.of("type", "label", "dateLabel", "subtype", "values", "validate", "description")) {
        assertThat(ours.get(property)).as("%s of %s", property, key).isEqualTo(theirs.get(property));
      }
      assertThat(ours.get("conditional").get("hide").asText()).isEqualTo("=asianMuutos != \"paattyy\"");
    }
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  /** Submits the start form as the user (null: nobody logged in); returns the started instance's id. */
  private String start(String user, String group, Map<String, Object> form) {
    if (user != null) {
      engine.getIdentityService().setAuthentication(user, List.of(group));
    }
    try {
      return engine.getFormService().submitStartForm(definitionId(), form).getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The start form is refused with the message, and nothing of it stays: no instance, no history, no incident. */
  private void refused(String user, String group, Map<String, Object> form, String message) {
    long variablesBefore = engine.getHistoryService().createHistoricVariableInstanceQuery().count();
    long startsBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .count();
    assertThatThrownBy(() -> start(user, group, form)).hasMessageStartingWith(FormRejected.PREFIX)
        .hasMessageContaining(message);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count())
        .isEqualTo(startsBefore);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().count()).isEqualTo(variablesBefore);
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  private String definitionId() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
        .latestVersion().singleResult().getId();
  }

  private HistoricProcessInstance historic(String id) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private Object historicVariable(String id, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id).variableName(name)
        .singleResult().getValue();
  }

  private static JsonNode field(JsonNode components, String key) {
    for (JsonNode c : components) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    return null;
  }

  static Map<String, Object> reviewNow(String caseKey, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put("hbAsia", caseKey);
    form.put("asianMuutos", "seuranta_nyt");
    form.put("seurantaNytSyy", reason);
    return form;
  }

  static Map<String, Object> ending(String caseKey, String reason, String day) {
    Map<String, Object> form = new HashMap<>();
    form.put("hbAsia", caseKey);
    form.put("asianMuutos", "paattyy");
    form.put("paattymisenSyy", reason);
    form.put("paattymisPaiva", day);
    form.put("paattymisenLisatiedot", "Omainen ilmoitti puhelimessa.");
    return form;
  }
}
