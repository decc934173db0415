package fi.hbflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import fi.hbflow.web.CompletedTasks.State;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class FormSubmissionAnswerFilterTest {

  /** done-1: completed, routed to sami's group; done-2: completed, someone else's; open-2, 42, a1-b2: open. */
  final FormSubmissionAnswerFilter filter = new FormSubmissionAnswerFilter((taskId, userId) -> switch (taskId) {
    case "done-1" -> "sami".equals(userId) ? State.COMPLETED_BY_THEIR_GROUP : State.COMPLETED_ELSEWHERE;
    case "done-2" -> State.COMPLETED_ELSEWHERE;
    case "gone-9" -> State.UNKNOWN;
    default -> State.OPEN;
  });

  @Test
  void whateverStepTheLoserFailedInATaskCompletedMeanwhileIsAConflict() throws Exception {
    // the outcomes seen when two nodes submit the same task: the loser failed where it was when the winner committed
    for (String failure : List.of("ENGINE-03005 Execution of 'INSERT VariableInstanceEntity[7]' failed. Entity was "
        + "updated by another transaction concurrently.", "Cannot find task with id done-1",
        "cannot signal execution cf6de956: it has no current activity")) {
      MockHttpServletResponse response = run("/engine-rest/task/done-1/submit-form", 500,
          "{\"type\":\"RestException\",\"message\":\"Cannot submit task form done-1: " + failure + "\"}");
      assertThat(response.getStatus()).as(failure).isEqualTo(409);
      assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(failure)
          .isEqualTo("{\"type\":\"Conflict\",\"message\":\"" + FormSubmissionAnswerFilter.ALREADY_DONE + "\"}");
    }
    MockHttpServletResponse tasklist = run("/camunda/api/engine/engine/default/task/done-1/complete", 404,
        "{\"message\":\"Cannot find task with id done-1\"}");
    assertThat(tasklist.getStatus()).isEqualTo(409);
  }

  @Test
  void aConcurrentChangeToATaskStillOpenAsksToSendAgain() throws Exception {
    MockHttpServletResponse response = run("/engine-rest/task/42/submit-form", 500,
        "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 42: ENGINE-03005 Execution of 'UPDATE "
            + "ExecutionEntity[7]' failed. Entity was updated by another transaction concurrently.\"}");
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains(FormSubmissionAnswerFilter.CHANGED_MEANWHILE).doesNotContain("jo käsitelty");
  }

  @Test
  void aPermissionThatWentWithTheCompletedTaskIsAConflict() throws Exception {
    // the other worker's completion committed between this one's reading the task and checking its permission
    String forbidden = "{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'sami' does not have "
        + "one of the following permissions: 'TASK_WORK' permission on resource '%s' of type 'Task'\"}";
    MockHttpServletResponse completed = run("/engine-rest/task/done-1/submit-form", 403, forbidden.formatted("done-1"));
    assertThat(completed.getStatus()).isEqualTo(409);
    assertThat(completed.getContentAsString(StandardCharsets.UTF_8)).contains("Tehtävä on jo käsitelty");
    // a task still open: the worker lacks the permission, and is told so
    MockHttpServletResponse open = run("/engine-rest/task/open-2/complete", 403, forbidden.formatted("open-2"));
    assertThat(open.getStatus()).isEqualTo(403);
    assertThat(open.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(forbidden.formatted("open-2"));
  }

  @Test
  void aRefusedFormKeepsOnlyTheFinnishReason() throws Exception {
    MockHttpServletResponse task = run("/camunda/api/engine/engine/default/task/a1-b2/submit-form", 400,
        "{\"type\":\"RestException\",\"message\":\"Cannot submit task form a1-b2: Henkilötunnuksen tarkiste ei "
            + "täsmää.\",\"code\":0}");
    assertThat(task.getStatus()).isEqualTo(400);
    assertThat(task.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("{\"type\":\"RestException\",\"message\":\"Henkilötunnuksen tarkiste ei täsmää.\",\"code\":0}");
    MockHttpServletResponse start = run("/engine-rest/process-definition/key/hb-palveluprosessi/submit-form", 400,
        "{\"message\":\"Cannot instantiate process definition hb-palveluprosessi:3:7a: Kotikunta puuttuu.\"}");
    assertThat(start.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Kotikunta puuttuu.\"}");
  }

  @Test
  void aFormRefusedOnARouteThatAnswers500IsA400WithTheFinnishReason() throws Exception {
    for (String route : List.of("/engine-rest/process-definition/key/hb-palveluprosessi/start",
        "/engine-rest/task/7/resolve", "/camunda/api/engine/engine/default/task/7/complete")) {
      MockHttpServletResponse refused = run(route, 500, "{\"type\":\"RestException\",\"message\":\"Cannot "
          + "instantiate process definition hb-palveluprosessi:1:9: Lomaketta ei voitu tallentaa: Lomakkeessa ei ole "
          + "kenttää 'paatospaiva'.\"}");
      assertThat(refused.getStatus()).as(route).isEqualTo(400);
      assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).as(route).isEqualTo("{\"type\":\"RestException\","
          + "\"message\":\"Lomaketta ei voitu tallentaa: Lomakkeessa ei ole kenttää 'paatospaiva'.\"}");
    }
    MockHttpServletResponse complete = run("/engine-rest/task/7/complete", 400,
        "{\"message\":\"Cannot complete task 7: Lomaketta ei voitu tallentaa: Päätös puuttuu.\"}");
    assertThat(complete.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("{\"message\":\"Lomaketta ei voitu tallentaa: Päätös puuttuu.\"}");
  }

  @Test
  void otherAnswersPassUnchanged() throws Exception {
    MockHttpServletResponse refused = run("/engine-rest/task/42/submit-form", 400, "{\"message\":\"Lomaketta ei voitu\"}");
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Lomaketta ei voitu\"}");
    MockHttpServletResponse otherFault = run("/engine-rest/task/42/submit-form", 500, "{\"message\":\"disk full\"}");
    assertThat(otherFault.getStatus()).isEqualTo(500);
    MockHttpServletResponse refusedDone = run("/engine-rest/task/done-1/submit-form", 400, "{\"message\":\"Puuttuu\"}");
    assertThat(refusedDone.getStatus()).isEqualTo(400);
    MockHttpServletResponse otherPath = run("/engine-rest/process-instance/1/variables", 500,
        "{\"message\":\"updated by another transaction concurrently\"}");
    assertThat(otherPath.getStatus()).isEqualTo(500);
    MockHttpServletResponse startConflictText = run("/engine-rest/process-definition/key/x/submit-form", 500,
        "{\"message\":\"Cannot find task with id 1\"}");
    assertThat(startConflictText.getStatus()).isEqualTo(500);
  }

  @Test
  void anUnknownTaskIsNotFoundInFinnish() throws Exception {
    // the engine: 500 "Cannot find task" from submit-form, 404 from complete; neither a conflict to send again
    for (String path : List.of("/engine-rest/task/gone-9/submit-form", "/engine-rest/task/gone-9/complete",
        "/camunda/api/engine/engine/default/task/gone-9/submit-form")) {
      MockHttpServletResponse response = run(path, path.endsWith("complete") ? 404 : 500,
          "{\"type\":\"RestException\",\"message\":\"Cannot submit task form gone-9: Cannot find task with id gone-9\"}");
      assertThat(response.getStatus()).as(path).isEqualTo(404);
      assertThat(response.getContentAsString(StandardCharsets.UTF_8))
          .isEqualTo("{\"type\":\"NotFound\",\"message\":\"" + FormSubmissionAnswerFilter.NOT_FOUND + "\"}")
          .contains("Tehtävää ei löydy");
    }
  }

  @Test
  void aCompletedTaskThatWasNeverTheirsIsRefusedNotAConflict() throws Exception {
    String forbidden = "{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'pia' does not have "
        + "one of the following permissions: 'TASK_WORK' permission on resource '%s' of type 'Task'\"}";
    // pia's group never had done-1; nobody of hers had done-2
    for (String task : List.of("done-1", "done-2")) {
      MockHttpServletResponse response = run("/engine-rest/task/" + task + "/submit-form", 403,
          forbidden.formatted(task), "pia");
      assertThat(response.getStatus()).as(task).isEqualTo(403);
      assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(task)
          .isEqualTo("{\"type\":\"Forbidden\",\"message\":\"" + FormSubmissionAnswerFilter.NOT_YOURS + "\"}")
          .doesNotContain("jo käsitelty");
    }
    // without credentials the engine answers 401 before any of this
    MockHttpServletResponse anonymous = run("/engine-rest/task/done-1/submit-form", 500,
        "{\"message\":\"Cannot find task with id done-1\"}", null);
    assertThat(anonymous.getStatus()).isEqualTo(403);
  }

  @Test
  void theSubmittingUserIsTheOneOfBasicAuthOrOfTheTasklistSession() {
    MockHttpServletRequest rest = new MockHttpServletRequest("POST", "/engine-rest/task/1/submit-form");
    rest.addHeader("Authorization", basic("sami:salasana:jossa:kaksoispisteitä"));
    assertThat(FormSubmissionAnswerFilter.caller(rest)).isEqualTo("sami");
    MockHttpServletRequest tasklist = new MockHttpServletRequest("POST",
        "/camunda/api/engine/engine/default/task/1/submit-form");
    var authentications = new org.camunda.bpm.webapp.impl.security.auth.Authentications();
    authentications.addOrReplace(new org.camunda.bpm.webapp.impl.security.auth.UserAuthentication("pia", "default"));
    org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.updateSession(tasklist.getSession(true),
        authentications);
    assertThat(FormSubmissionAnswerFilter.caller(tasklist)).isEqualTo("pia");
    MockHttpServletRequest otherEngine = new MockHttpServletRequest("POST",
        "/camunda/api/engine/engine/toinen/task/1/submit-form");
    otherEngine.setSession(tasklist.getSession());
    assertThat(FormSubmissionAnswerFilter.caller(otherEngine)).isNull();
    assertThat(FormSubmissionAnswerFilter.caller(new MockHttpServletRequest("POST", "/engine-rest/task/1/complete"))).isNull();
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private MockHttpServletResponse run(String uri, int status, String body) throws Exception {
    return run(uri, status, body, "sami");
  }

  private MockHttpServletResponse run(String uri, int status, String body, String user) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    if (user != null) {
      request.addHeader("Authorization", basic(user + ":salasana"));
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> {
      ((HttpServletResponse) res).setStatus(status);
      res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    });
    return response;
  }
}
