package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.hbflow.identity.Roles;
import fi.hbflow.ledger.BudgetLedger;
import fi.hbflow.production.Rest.Response;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Least rights over HTTP, with real accounts of each group (production: no demo users): a worker works the form of
 * their own task and changes no case variable outside it, reads nothing of another group's task; management reads no
 * case data but gets the HB dashboard; a process owner neither claims nor decides; refusals are Finnish; unknown and
 * finished tasks are answered 404 and 403 (409 only to the task's own group); wrong passwords throttle without
 * locking; a refused expense leaves its task unclaimed.
 */
@ProductionLikeApplication
class LeastRightsIT {

  static final String REFUSED = "Sinulla ei ole oikeutta tähän toimintoon";
  static final String CLIENT = "Lotta Luottamuksellinen";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  ProcessEngine engine;

  Rest admin;
  Rest saara;
  Rest sami;
  Rest pekka;
  Rest jorma;
  Rest olli;

  @BeforeEach
  void accounts() {
    admin = Rest.node(port, "paakayttaja", ProductionLikeApplication.ADMIN_PASSWORD);
    saara = account("lr-saara", Roles.SOCIAL_WORK);
    sami = account("lr-sami", Roles.SOCIAL_WORK);
    pekka = account("lr-pekka", Roles.SERVICE_COORDINATION);
    jorma = account("lr-jorma", Roles.MANAGEMENT);
    olli = account("lr-olli", Roles.PROCESS_OWNERS);
  }

  @Test
  void aWorkerChangesNoCaseVariableOutsideTheFormOfTheirOwnTask() throws Exception {
    String caseKey = caseAtTheDecision();
    String caseId = processId(caseKey);
    String decision = HbCase.awaitTask(saara, caseKey, "Task_Paatos", Duration.ofSeconds(30));
    assertThat(call(saara, "POST", "/task/" + decision + "/claim", "{\"userId\":\"lr-saara\"}").status()).isEqualTo(204);
    String deciders = variable(caseId, "paattajaRyhma");
    int variables = variableCount(caseId);

    // the decision-maker (set by the server on the decision) and the group the delegation rules chose
    for (String name : List.of("paattaja", "paattajaRyhma")) {
      assertNoVariableWrite(saara, decision, caseId, name);
    }
    // the same through Tasklist's own API (a session with its CSRF token)
    Webapp tasklist = Webapp.loggedIn(port, "lr-saara", HbCase.PASSWORD, "tasklist");
    HttpResponse<String> viaTasklist = tasklist.send("POST", "/api/engine/engine/default/task/" + decision
        + "/variables", "{\"modifications\":{\"paattaja\":{\"value\":\"lr-saara\",\"type\":\"String\"}}}");
    assertThat(viaTasklist.statusCode()).isEqualTo(403);
    assertThat(Rest.JSON.readTree(viaTasklist.body()).get("message").asText())
        .isEqualTo(REFUSED + ": asian tietojen muuttaminen (ne muuttuvat vain tehtävän lomakkeella).");

    assertThat(variable(caseId, "paattajaRyhma")).isEqualTo(deciders);
    assertThat(variableCount(caseId)).isEqualTo(variables);
    assertThat(admin.get("/incident/count?processInstanceId=" + caseId).body().get("count").asInt()).isZero();
    assertThat(admin.get("/task/" + decision).body().get("assignee").asText()).isEqualTo("lr-saara");

    // the form itself goes through, and the server records who decided; no one rewrites it afterwards
    assertThat(HbCase.submit(saara, decision, HbCase.decision()).status()).isEqualTo(204);
    assertThat(variable(caseId, "paattaja")).isEqualTo("lr-saara");
    String notification = HbCase.awaitTask(sami, caseKey, "Task_Tiedoksianto", Duration.ofSeconds(30));
    assertNoVariableWrite(sami, notification, caseId, "paattaja");
    assertThat(variable(caseId, "paattaja")).isEqualTo("lr-saara");
    assertThat(admin.get("/incident/count?processInstanceId=" + caseId).body().get("count").asInt()).isZero();
  }

  /** Every route that writes a variable outside the form refuses the worker, in Finnish. */
  private static void assertNoVariableWrite(Rest worker, String task, String caseId, String name) throws Exception {
    String value = "{\"value\":\"" + worker.user + "\",\"type\":\"String\"}";
    String modifications = "{\"modifications\":{\"" + name + "\":" + value + "}}";
    for (String[] attempt : List.of(
        new String[] {"PUT", "/task/" + task + "/variables/" + name, value},
        new String[] {"PUT", "/task/" + task + "/localVariables/" + name, value},
        new String[] {"POST", "/task/" + task + "/variables", modifications},
        new String[] {"POST", "/task/" + task + "/localVariables", modifications},
        new String[] {"DELETE", "/task/" + task + "/variables/" + name, null},
        new String[] {"PUT", "/process-instance/" + caseId + "/variables/" + name, value},
        new String[] {"POST", "/process-instance/" + caseId + "/variables", modifications},
        new String[] {"DELETE", "/process-instance/" + caseId + "/variables/" + name, null},
        new String[] {"PUT", "/execution/" + caseId + "/localVariables/" + name, value},
        new String[] {"POST", "/execution/" + caseId + "/localVariables", modifications},
        new String[] {"POST", "/process-instance/" + caseId + "/modification",
            "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Paatos\"}]}"})) {
      Response refused = call(worker, attempt[0], attempt[1], attempt[2]);
      assertThat(refused.status()).as("%s %s: %s", attempt[0], attempt[1], refused.text()).isEqualTo(403);
      assertThat(refused.message()).as(attempt[1]).startsWith(REFUSED).doesNotContain("does not have");
    }
  }

  @Test
  void anotherGroupReadsNeitherTheTaskNorItsVariables() throws Exception {
    String caseKey = caseAtTheDecision();
    String caseId = processId(caseKey);
    String decision = HbCase.awaitTask(saara, caseKey, "Task_Paatos", Duration.ofSeconds(30));
    // the task's own group reads its form
    Response own = saara.get("/task/" + decision + "/form-variables");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.text()).contains(CLIENT);

    for (String path : List.of("/task/" + decision + "/variables", "/task/" + decision + "/form-variables",
        "/task/" + decision + "/variables/paattaja", "/task/" + decision + "/variables/asiakasNimi",
        "/process-instance/" + caseId + "/variables", "/variable-instance?processInstanceIdIn=" + caseId,
        "/history/variable-instance?processInstanceId=" + caseId, "/history/detail?processInstanceId=" + caseId,
        "/task?processInstanceBusinessKey=" + caseKey, "/history/task?processInstanceId=" + caseId)) {
      assertSeesNothing(pekka, path);
    }
    Response work = call(pekka, "POST", "/task/" + decision + "/claim", "{\"userId\":\"lr-pekka\"}");
    assertThat(work.status()).isEqualTo(403);
    assertThat(work.message()).startsWith(REFUSED);
  }

  @Test
  void managementReadsNoCaseDataButGetsTheDashboardFigures() throws Exception {
    String caseKey = caseAtTheDecision();
    String caseId = processId(caseKey);
    for (String path : List.of("/history/variable-instance?processInstanceId=" + caseId,
        "/history/variable-instance", "/history/detail", "/history/detail?processInstanceId=" + caseId,
        "/variable-instance", "/variable-instance?processInstanceIdIn=" + caseId, "/process-instance",
        "/history/process-instance", "/history/task", "/task", "/process-instance/" + caseId + "/variables",
        "/history/user-operation", "/incident")) {
      assertSeesNothing(jorma, path);
    }
    Webapp cockpit = Webapp.loggedIn(port, "lr-jorma", HbCase.PASSWORD, "cockpit");
    HttpResponse<String> figures = cockpit.send("GET", "/api/cockpit/plugin/hb-dashboard/default/figures", null);
    assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
    assertThat(Rest.JSON.readTree(figures.body()).at("/cases/total").asLong()).isPositive();
    assertThat(figures.body()).doesNotContain(CLIENT);
  }

  @Test
  void aProcessOwnerSeesCasesInCockpitButNeitherTheirDataNorTheirTasks() throws Exception {
    String caseKey = caseAtTheDecision();
    String caseId = processId(caseKey);
    String decision = HbCase.awaitTask(saara, caseKey, "Task_Paatos", Duration.ofSeconds(30));

    Response claim = call(olli, "POST", "/task/" + decision + "/claim", "{\"userId\":\"lr-olli\"}");
    assertThat(claim.status()).as(claim.text()).isEqualTo(403);
    assertThat(claim.message()).isEqualTo(REFUSED + ": tehtävän käsittely (ottaminen itselle, lomakkeen lähettäminen).");
    Response decide = HbCase.submit(olli, decision, HbCase.decision());
    assertThat(decide.status()).as(decide.text()).isEqualTo(403);
    assertThat(decide.message()).startsWith(REFUSED);
    Response complete = call(olli, "POST", "/task/" + decision + "/complete", "{}");
    assertThat(complete.status()).isEqualTo(403);
    assertThat(admin.get("/task/" + decision).body().get("assignee").isNull()).isTrue();

    // Cockpit's view: the case and its incidents, no variables
    assertThat(olli.get("/process-instance?processDefinitionKey=" + HbCase.PROCESS + "&businessKey=" + caseKey).body()).hasSize(1);
    assertThat(olli.get("/incident?processInstanceId=" + caseId).status()).isEqualTo(200);
    assertThat(olli.get("/deployment").status()).isEqualTo(200);
    for (String path : List.of("/process-instance/" + caseId + "/variables",
        "/variable-instance?processInstanceIdIn=" + caseId, "/history/variable-instance?processInstanceId=" + caseId,
        "/history/detail?processInstanceId=" + caseId, "/task/" + decision + "/variables",
        "/task/" + decision + "/form-variables", "/task?processInstanceId=" + caseId,
        "/history/task?processInstanceId=" + caseId)) { // tasks' names carry the client's name
      assertSeesNothing(olli, path);
    }
    Response change = call(olli, "PUT", "/process-instance/" + caseId + "/variables/paattaja",
        "{\"value\":\"lr-olli\",\"type\":\"String\"}");
    assertThat(change.status()).isEqualTo(403);
    assertThat(change.message()).startsWith(REFUSED);
  }

  @Test
  void anUnknownTaskIs404AFinishedOneIs409OnlyToItsOwnGroup() throws Exception {
    Response unknown = HbCase.submit(saara, "ei-tallaista-tehtavaa", HbCase.assessment());
    assertThat(unknown.status()).as(unknown.text()).isEqualTo(404);
    assertThat(unknown.message()).startsWith("Tehtävää ei löydy");

    String caseKey = started(HbCase.start(saara, CLIENT));
    String assessment = HbCase.awaitTask(saara, caseKey, "Task_Arviointi", Duration.ofSeconds(30));
    assertThat(HbCase.submit(saara, assessment, HbCase.assessment()).status()).isEqualTo(204);

    Response stranger = HbCase.submit(pekka, assessment, HbCase.assessment());
    assertThat(stranger.status()).as(stranger.text()).isEqualTo(403);
    assertThat(stranger.message()).startsWith(REFUSED).doesNotContain("käsitelty");
    Response groupmate = HbCase.submit(sami, assessment, HbCase.assessment());
    assertThat(groupmate.status()).as(groupmate.text()).isEqualTo(409);
    assertThat(groupmate.message()).startsWith("Tehtävä on jo käsitelty");
    assertThat(HbCase.submit(saara, assessment, HbCase.assessment()).status()).isEqualTo(409);
  }

  @Test
  void wrongPasswordsThrottleTheAccountButNeverLockIt() throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(configuration.getLoginDelayMaxTime()).isBetween(10, 60);
    Rest right = account("lr-arvattava", Roles.SOCIAL_WORK);
    Rest wrong = right.as("lr-arvattava", "arvaus");
    assertThat(right.get("/task").status()).isEqualTo(200);
    long offset = 0;
    try {
      // far more failures than the engine's default lock (10), each after the previous delay had passed
      for (int attempt = 0; attempt < 15; attempt++) {
        assertThat(wrong.get("/task").status()).isEqualTo(401);
        offset += (configuration.getLoginDelayMaxTime() + 1) * 1000L;
        ClockUtil.offset(offset);
      }
      // just after a failure even the right password waits (the brute-force delay) ...
      assertThat(wrong.get("/task").status()).isEqualTo(401);
      assertThat(right.get("/task").status()).isEqualTo(401);
      // ... and works once the delay has passed
      offset += (configuration.getLoginDelayMaxTime() + 1) * 1000L;
      ClockUtil.offset(offset);
      assertThat(right.get("/task").status()).isEqualTo(200);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aRefusedExpenseLeavesItsTaskUnclaimed() throws Exception {
    String key = "HB-2026-" + (900_100 + (int) (Math.random() * 99_000));
    Map<String, Object> ledger = new HashMap<>();
    ledger.put("asiakasNimi", CLIENT);
    ledger.put("budjettiKausiSentit", 1_200_000L);
    ledger.put("budjettikaudenAlku", HbCase.today().withDayOfMonth(1).minusMonths(2).toString());
    ledger.put("budjettikaudenPituusKk", 12);
    ledger.put("kaytettySentit", 0L);
    engine.getRuntimeService().startProcessInstanceByKey(BudgetLedger.PROCESS_KEY, key, ledger);
    String task = HbCase.awaitTask(saara, key, "Task_Kulut", Duration.ofSeconds(10));

    Response negative = expense(saara, key, HbCase.today(), "-5");
    assertThat(negative.status()).as(negative.text()).isEqualTo(400);
    assertThat(negative.body().get("virhe").asText()).contains("negatiivinen");
    assertThat(admin.get("/task/" + task).body().get("assignee").isNull()).as("claimed by a refused expense").isTrue();
    Response future = expense(saara, key, HbCase.today().plusDays(3), "5");
    assertThat(future.status()).isEqualTo(400);
    assertThat(admin.get("/task/" + task).body().get("assignee").isNull()).isTrue();

    // a good one is recorded, by the caller (the ledger's next expense task is open for the group again)
    Response recorded = expense(saara, key, HbCase.today(), "10");
    assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
    assertThat(admin.get("/history/task?taskId=" + task).body().get(0).get("assignee").asText()).isEqualTo("lr-saara");
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /** The answer is empty (a list or a count of nothing) or a refusal (403 in Finnish, or 404), and names no client. */
  private static void assertSeesNothing(Rest user, String path) throws Exception {
    Response answer = user.get(path);
    assertThat(answer.text()).as("%s as %s", path, user.user).doesNotContain(CLIENT).doesNotContain("010594Y9021");
    if (answer.status() == 200) {
      assertThat(answer.body().isArray() && answer.body().isEmpty()).as("%s as %s: %s", path, user.user,
          answer.text()).isTrue();
    } else {
      assertThat(answer.status()).as("%s as %s: %s", path, user.user, answer.text()).isIn(403, 404);
      if (answer.status() == 403) {
        assertThat(answer.message()).startsWith(REFUSED);
      }
    }
  }

  /** A case carried to its decision task (routed to social work), with the client {@link #CLIENT}. */
  private String caseAtTheDecision() throws Exception {
    String caseKey = started(HbCase.start(saara, CLIENT));
    HbCase.complete(saara, caseKey, "Task_Arviointi", HbCase.assessment());
    HbCase.complete(saara, caseKey, "Task_Soveltuvuus", HbCase.suitability());
    HbCase.complete(pekka, caseKey, "Task_TuenValinta", HbCase.support());
    HbCase.complete(saara, caseKey, "Task_Tukisuunnitelma", HbCase.plan());
    return caseKey;
  }

  private String variable(String caseId, String name) throws Exception {
    Response variable = admin.get("/process-instance/" + caseId + "/variables/" + name);
    assertThat(variable.status()).as(variable.text()).isEqualTo(200);
    return variable.body().get("value").asText();
  }

  private int variableCount(String caseId) throws Exception {
    return admin.get("/variable-instance/count?processInstanceIdIn=" + caseId).body().get("count").asInt();
  }

  private String processId(String caseKey) throws Exception {
    return admin.get("/process-instance?processDefinitionKey=" + HbCase.PROCESS + "&businessKey=" + caseKey).body()
        .get(0).get("id").asText();
  }

  private static String started(Response start) {
    return HbCase.started(start);
  }

  private Rest account(String id, String group) {
    HbCase.account(identityService, id, group);
    return Rest.node(port, id, HbCase.PASSWORD);
  }

  private Response expense(Rest user, String key, LocalDate day, String euros) throws Exception {
    String body = Rest.JSON.writeValueAsString(Map.of("paiva", day.toString(), "summa", euros, "selite", "Taksi"));
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/hbflow/api/cases/" + key + "/expenses")).header("Content-Type", "application/json")
        .header("Authorization", basic(user.user)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(answer.statusCode(), answer.body().isBlank() ? null : Rest.JSON.readTree(answer.body()),
        answer.body());
  }

  /** Any method on {@code /engine-rest}, as the user. */
  private static Response call(Rest user, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(user.base + path))
        .header("Authorization", basic(user.user)).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode body = null;
    try {
      body = answer.body().isBlank() ? null : Rest.JSON.readTree(answer.body());
    } catch (java.io.IOException notJson) {
      body = null;
    }
    return new Response(answer.statusCode(), body, answer.body());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + HbCase.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** A logged-in session of a Camunda webapp (Tasklist, Cockpit): cookies and its CSRF token. */
  record Webapp(String base, HttpClient http, CookieManager cookies) {

    static Webapp loggedIn(int port, String user, String password, String app) throws Exception {
      CookieManager cookies = new CookieManager();
      Webapp webapp = new Webapp("http://localhost:" + port + "/camunda",
          HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
      assertThat(webapp.send("GET", "/app/" + app + "/default/", null).statusCode()).isEqualTo(200);
      HttpResponse<String> login = webapp.http.send(HttpRequest.newBuilder(URI.create(
              webapp.base + "/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", webapp.token())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      assertThat(webapp.send("GET", "/api/admin/auth/user/default", null).statusCode()).isEqualTo(200);
      return webapp;
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      if (!"GET".equals(method)) {
        request.header("X-XSRF-TOKEN", token());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String token() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((first, latest) -> latest)
          .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }
  }
}
