package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.identity.Roles;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The worker action "HB-asian muutos" (issue 21 item 7) as a social worker does it in Tasklist: the start form of
 * {@code hb-asian-muutos} submitted through Tasklist's own API with a logged-in session and its CSRF token. Only the
 * case's social workers see it in Tasklist's start list and may start it (403 for others); a case that does not wait
 * for its review is refused with HTTP 400 and the Finnish reason, and nothing is stored, no incident.
 */
@ProductionLikeApplication
class CaseChangeTasklistIT {

  static final String SUBMIT = "/api/engine/engine/default/process-definition/key/" + Roles.CASE_CHANGE_PROCESS
      + "/submit-form";
  static final String START_LIST = "/api/engine/engine/default/process-definition?latestVersion=true&active=true"
      + "&startableInTasklist=true&startablePermissionCheck=true&maxResults=50";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  @BeforeEach
  void accounts() {
    HbCase.account(identityService, "sanna-cm", Roles.SOCIAL_WORK);
    HbCase.account(identityService, "johanna-cm", Roles.LEADING_SOCIAL_WORKERS);
    HbCase.account(identityService, "pia-cm", Roles.SERVICE_COORDINATION);
  }

  @Test
  void aSocialWorkerOpensTheReviewNowInTasklistAndACoordinatorCannot() throws Exception {
    ProcessInstance hbCase = HbCase.waitingForItsReview(runtimeService);
    Map<String, Object> form = reviewNow(hbCase.getBusinessKey(), "Avustaja lopetti, tarpeet on katsottava.");

    SecurityIT.Browser pia = SecurityIT.Browser.loggedIn(port, "pia-cm", HbCase.PASSWORD);
    assertThat(pia.get(START_LIST).body()).doesNotContain(Roles.CASE_CHANGE_PROCESS).contains("hb-palveluprosessi");
    HttpResponse<String> coordinator = pia.post(SUBMIT, json(form), true);
    assertThat(coordinator.statusCode()).as(coordinator.body()).isEqualTo(403);
    assertThat(runtimeService.getVariable(hbCase.getId(), "seurantaNytSyy")).isNull();

    SecurityIT.Browser sanna = SecurityIT.Browser.loggedIn(port, "sanna-cm", HbCase.PASSWORD);
    assertThat(sanna.get(START_LIST).body()).contains(Roles.CASE_CHANGE_PROCESS);
    HttpResponse<String> accepted = sanna.post(SUBMIT, json(form), true);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(taskService.createTaskQuery().processInstanceId(hbCase.getId()).taskDefinitionKey("Task_Seuranta")
        .count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(hbCase.getId(), "seurantaNytPyytaja")).isEqualTo("sanna-cm");
    // the start is in the history: who, which case, ended at once
    var started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Roles.CASE_CHANGE_PROCESS)
        .processInstanceBusinessKey(hbCase.getBusinessKey()).singleResult();
    assertThat(started.getStartUserId()).isEqualTo("sanna-cm");
    assertThat(started.getEndTime()).isNotNull();
  }

  @Test
  void aCaseNotWaitingForItsReviewIsRefusedInFinnishAndALeadingSocialWorkerEndsIt() throws Exception {
    String key = HbCase.started(HbCase.start(Rest.node(port, "sanna-cm", HbCase.PASSWORD), "Teemu Tasklist"));
    String caseId = runtimeService.createProcessInstanceQuery().processDefinitionKey(HbCase.PROCESS)
        .processInstanceBusinessKey(key).singleResult().getId();
    long incidents = runtimeService.createIncidentQuery().count();

    SecurityIT.Browser sanna = SecurityIT.Browser.loggedIn(port, "sanna-cm", HbCase.PASSWORD);
    HttpResponse<String> notWaiting = sanna.post(SUBMIT, json(reviewNow(key, "Tarpeet muuttuivat.")), true);
    assertThat(notWaiting.statusCode()).as(notWaiting.body()).isEqualTo(400);
    assertThat(notWaiting.body()).contains("Lomaketta ei voitu tallentaa: Asia " + key + " ei odota seurantaa")
        .doesNotContain("Cannot");
    // a hidden field's value: the end's reason with a review
    Map<String, Object> hidden = reviewNow(key, "Tarpeet muuttuivat.");
    hidden.put("paattymisenSyy", "kuolema");
    HttpResponse<String> forged = sanna.post(SUBMIT, json(hidden), true);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
    assertThat(forged.body()).contains("piilotettu");
    // nothing stored, nothing started, no incident
    assertThat(runtimeService.getVariable(caseId, "seurantaNytSyy")).isNull();
    assertThat(runtimeService.getVariable(caseId, "paattymisenSyy")).isNull();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Roles.CASE_CHANGE_PROCESS)
        .processInstanceBusinessKey(key).count()).isZero();
    assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(incidents);
    assertThat(taskService.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Arviointi");

    SecurityIT.Browser johanna = SecurityIT.Browser.loggedIn(port, "johanna-cm", HbCase.PASSWORD);
    Map<String, Object> ending = new LinkedHashMap<>();
    ending.put("hbAsia", key);
    ending.put("asianMuutos", "paattyy");
    ending.put("paattymisenSyy", "asiakkaan_valinta");
    ending.put("paattymisPaiva", HbCase.today().toString());
    ending.put("paattymisenLisatiedot", "");
    HttpResponse<String> ended = johanna.post(SUBMIT, json(ending), true);
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    assertThat(taskService.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Paattaminen");
    assertThat(runtimeService.getVariable(caseId, "paattymisenKirjaaja")).isEqualTo("johanna-cm");
  }

  private static Map<String, Object> reviewNow(String key, String reason) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("hbAsia", key);
    form.put("asianMuutos", "seuranta_nyt");
    form.put("seurantaNytSyy", reason);
    return form;
  }

  private static String json(Map<String, Object> form) throws Exception {
    return Rest.JSON.writeValueAsString(Rest.variables(form));
  }
}
