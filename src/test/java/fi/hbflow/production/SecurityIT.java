package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.hbflow.identity.Roles;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security of the whole application as production runs it (no demo users; the test's own accounts, made by the
 * administrator), over HTTP: authentication, group-bound task access, the audit trail of a decision, text kept as
 * text, oversize input refused before the engine, and the webapps' CSRF protection.
 */
@ProductionLikeApplication
class SecurityIT {

  static final String ADMIN_PASSWORD = ProductionLikeApplication.ADMIN_PASSWORD;
  static final String HOSTILE_NAME = "<script>alert('x')</script> <img src=x onerror=alert(1)> Aino";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identityService;

  Rest admin;
  Rest sanna;
  Rest pia;

  @BeforeEach
  void accounts() {
    worker("sanna", Roles.SOCIAL_WORK);
    worker("pia", Roles.SERVICE_COORDINATION);
    admin = Rest.node(port, "paakayttaja", ADMIN_PASSWORD);
    sanna = admin.as("sanna", HbCase.PASSWORD);
    pia = admin.as("pia", HbCase.PASSWORD);
  }

  private void worker(String id, String group) {
    HbCase.account(identityService, id, group);
  }

  @Test
  void theRestApiNeedsCredentials() throws Exception {
    for (String path : List.of("/task", "/process-instance", "/deployment", "/user", "/history/user-operation")) {
      assertThat(sanna.anonymousGet(path).status()).as(path).isEqualTo(401);
    }
    assertThat(sanna.get("/task").status()).isEqualTo(200);

    // a wrong password: 401, and the engine's brute-force delay holds the account a few seconds (3 s, doubling with
    // each further failure up to 60 s; never locked for good, see LeastRightsIT), so that even the right password is
    // refused at once after it
    worker("arvaamaton", Roles.SOCIAL_WORK);
    Rest guessed = admin.as("arvaamaton", HbCase.PASSWORD);
    assertThat(guessed.get("/task").status()).isEqualTo(200);
    assertThat(guessed.as("arvaamaton", "väärä").get("/task").status()).isEqualTo(401);
    assertThat(guessed.get("/task").status()).isEqualTo(401);
  }

  @Test
  void demoUsersAreAbsentWhenTheyAreDisabled() throws Exception {
    JsonNode users = admin.get("/user").body();
    List<String> ids = users.findValuesAsText("id");
    for (Roles.Role role : Roles.ALL) {
      assertThat(ids).doesNotContain(role.demoUser());
      assertThat(admin.as(role.demoUser(), "demo").get("/task").status()).isEqualTo(401);
    }
    assertThat(ids).doesNotContain("demo").contains("paakayttaja");
    assertThat(admin.as("demo", "demo").get("/task").status()).isEqualTo(401);
    // the groups, their rights and Tasklist filters are there all the same
    assertThat(admin.get("/group/" + Roles.SOCIAL_WORK).status()).isEqualTo(200);
  }

  @Test
  void aWorkerSeesAndWorksOnlyTheTasksOfTheirOwnGroup() throws Exception {
    String caseKey = started(HbCase.start(sanna, "Aino Asiakas"));
    assertThat(HbCase.task(pia, caseKey, "Task_Arviointi")).isNull();
    HbCase.complete(sanna, caseKey, "Task_Arviointi", HbCase.assessment());
    HbCase.complete(sanna, caseKey, "Task_Soveltuvuus", HbCase.suitability());

    // the support choice belongs to service coordination: the social worker neither sees nor reads nor works it
    String support = HbCase.awaitTask(pia, caseKey, "Task_TuenValinta", Duration.ofSeconds(10));
    assertThat(HbCase.task(sanna, caseKey, "Task_TuenValinta")).isNull();
    assertThat(sanna.get("/task?processInstanceBusinessKey=" + caseKey).body()).isEmpty();
    Response read = sanna.get("/task/" + support);
    assertThat(read.status()).as(read.text()).isEqualTo(404);
    assertThat(read.text()).doesNotContain("Aino");
    Response variables = sanna.get("/task/" + support + "/variables");
    assertThat(variables.status()).as(variables.text()).isEqualTo(403);
    assertThat(variables.text()).doesNotContain("Aino");
    Response work = HbCase.submit(sanna, support, HbCase.support());
    assertThat(work.status()).as(work.text()).isEqualTo(403);
    assertThat(HbCase.task(pia, caseKey, "Task_TuenValinta")).isEqualTo(support);
    HbCase.complete(pia, caseKey, "Task_TuenValinta", HbCase.support());
  }

  @Test
  void typedTextIsKeptAsTextTheDecisionDocumentEscapesItAndTheLogTellsWhoDecided() throws Exception {
    Response start = HbCase.start(sanna, HOSTILE_NAME);
    String caseKey = started(start);
    String caseId = start.body().get("id").asText();

    // stored as the string it was typed as
    JsonNode name = admin.get("/process-instance/" + caseId + "/variables/asiakasNimi").body();
    assertThat(name.get("type").asText()).isEqualTo("String");
    assertThat(name.get("value").asText()).isEqualTo(HOSTILE_NAME);

    HbCase.complete(sanna, caseKey, "Task_Arviointi", HbCase.assessment());
    HbCase.complete(sanna, caseKey, "Task_Soveltuvuus", HbCase.suitability());
    HbCase.complete(pia, caseKey, "Task_TuenValinta", HbCase.support());
    HbCase.complete(sanna, caseKey, "Task_Tukisuunnitelma", HbCase.plan());
    String decision = HbCase.awaitTask(sanna, caseKey, "Task_Paatos", Duration.ofSeconds(30));
    assertThat(HbCase.submit(sanna, decision, HbCase.decision()).status()).isEqualTo(204);

    // the decision document shows the name as text: the markup is escaped, never live
    String notification = HbCase.awaitTask(sanna, caseKey, "Task_Tiedoksianto", Duration.ofSeconds(30));
    HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            sanna.base + "/task/" + notification + "/variables/paatosasiakirja/data"))
        .header("Authorization", basic("sanna", HbCase.PASSWORD)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("&lt;script&gt;alert(")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<script>alert").doesNotContain("<img src=x");

    // the user operation log names the worker who completed the decision task
    JsonNode log = admin.get("/history/user-operation?taskId=" + decision + "&operationType=Complete").body();
    assertThat(log).isNotEmpty();
    assertThat(log.findValuesAsText("userId")).containsOnly("sanna");
  }

  @Test
  void oversizeInputIsRefusedWithAClearMessageBeforeItReachesTheEngine() throws Exception {
    int casesBefore = admin.get("/process-instance/count").body().get("count").asInt();

    // a 1 MB text field: 413 from the request limit, nothing started
    Map<String, Object> huge = HbCase.startForm("Aino Asiakas");
    huge.put("tavallisetPalvelutEivatSovi", "x".repeat(1024 * 1024));
    Response tooLarge = sanna.post("/process-definition/key/" + HbCase.PROCESS + "/submit-form", Rest.variables(huge));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.body().get("message").asText()).startsWith("Pyyntö on liian suuri: enintään 256 kt");

    // 5 000 characters fit the request but not the field: 400 from the form check
    Map<String, Object> longText = HbCase.startForm("Aino Asiakas");
    longText.put("tavallisetPalvelutEivatSovi", "x".repeat(5000));
    Response tooLong = sanna.post("/process-definition/key/" + HbCase.PROCESS + "/submit-form",
        Rest.variables(longText));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().get("message").asText()).contains("enintään 4000 merkkiä");
    assertThat(admin.get("/process-instance/count").body().get("count").asInt()).isEqualTo(casesBefore);

    // a plan of 10 000 lines (30 000 variables), then of 1 000 extra fields: refused, the task and case unchanged
    String caseKey = started(HbCase.start(sanna, "Aino Asiakas"));
    HbCase.complete(sanna, caseKey, "Task_Arviointi", HbCase.assessment());
    HbCase.complete(sanna, caseKey, "Task_Soveltuvuus", HbCase.suitability());
    HbCase.complete(pia, caseKey, "Task_TuenValinta", HbCase.support());
    String plan = HbCase.awaitTask(sanna, caseKey, "Task_Tukisuunnitelma", Duration.ofSeconds(30));
    int variablesBefore = admin.get("/variable-instance/count?processInstanceIdIn=" + processId(caseKey)).body()
        .get("count").asInt();

    Response tenThousandLines = HbCase.submit(sanna, plan, planLines(10_000));
    assertThat(tenThousandLines.status()).isEqualTo(413);
    assertThat(tenThousandLines.message()).startsWith("Pyyntö on liian suuri");
    Map<String, Object> thousandFields = planLines(333);
    Response tooManyFields = HbCase.submit(sanna, plan, thousandFields);
    assertThat(tooManyFields.status()).isEqualTo(400);
    assertThat(tooManyFields.message()).isEqualTo("Lomakkeessa on liikaa kenttiä: enintään 200, tässä "
        + thousandFields.size() + ". Mitään ei tallennettu.");

    assertThat(HbCase.task(sanna, caseKey, "Task_Tukisuunnitelma")).isEqualTo(plan);
    assertThat(admin.get("/variable-instance/count?processInstanceIdIn=" + processId(caseKey)).body().get("count")
        .asInt()).isEqualTo(variablesBefore);
    assertThat(admin.get("/incident/count").body().get("count").asInt()).isZero();
    assertThat(admin.get("/job/count?withException=true").body().get("count").asInt()).isZero();
    // and an ordinary plan still goes through
    assertThat(HbCase.submit(sanna, plan, HbCase.plan()).status()).isEqualTo(204);
  }

  @Test
  void theWebappsRefuseAChangeWithoutTheCsrfToken() throws Exception {
    String caseKey = started(HbCase.start(sanna, "Aino Asiakas"));
    String assessment = HbCase.task(sanna, caseKey, "Task_Arviointi");
    String claim = "/api/engine/engine/default/task/" + assessment + "/claim";
    String body = "{\"userId\":\"sanna\"}";

    // logged in to Tasklist (a session), but without the token: refused, and Camunda ends the session
    Browser forger = Browser.loggedIn(port, "sanna", HbCase.PASSWORD);
    HttpResponse<String> forged = forger.post(claim, body, false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    assertThat(admin.get("/task/" + assessment).body().get("assignee").isNull()).isTrue();
    assertThat(forger.get("/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);

    // the same request with the session's token, as Tasklist sends it, is accepted
    Browser tasklist = Browser.loggedIn(port, "sanna", HbCase.PASSWORD);
    HttpResponse<String> real = tasklist.post(claim, body, true);
    assertThat(real.statusCode()).as(real.body()).isEqualTo(204);
    assertThat(admin.get("/task/" + assessment).body().get("assignee").asText()).isEqualTo("sanna");
  }

  /** A browser session of the Camunda webapps: cookies, and the CSRF token that the webapp hands to the session. */
  record Browser(String webapp, HttpClient http, CookieManager cookies) {

    static Browser loggedIn(int port, String user, String password) throws Exception {
      CookieManager cookies = new CookieManager();
      Browser browser = new Browser("http://localhost:" + port + "/camunda",
          HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
      // the Tasklist page gives the session its token (cookie XSRF-TOKEN); logging in needs it
      assertThat(browser.get("/app/tasklist/default/").statusCode()).isEqualTo(200);
      String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> login = browser.http.send(HttpRequest.newBuilder(URI.create(
              browser.webapp + "/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", browser.token())
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // the login renews the session; its first request gets the new session's token
      assertThat(browser.get("/api/admin/auth/user/default").statusCode()).isEqualTo(200);
      return browser;
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(webapp + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, boolean withToken) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webapp + path))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
      if (withToken) {
        request.header("X-XSRF-TOKEN", token());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String token() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((first, latest) -> latest)
          .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private static String started(Response start) {
    return HbCase.started(start);
  }

  private String processId(String caseKey) throws Exception {
    return admin.get("/process-instance?processDefinitionKey=" + HbCase.PROCESS + "&businessKey=" + caseKey).body()
        .get(0).get("id").asText();
  }

  /** The plan form with {@code lines} lines of three fields each (the form has 8). */
  private static Map<String, Object> planLines(int lines) {
    Map<String, Object> form = new LinkedHashMap<>(HbCase.plan());
    for (int n = 2; n <= lines + 1; n++) {
      form.put("suunnitelma" + n + "Mita", "Rivi " + n);
      form.put("suunnitelma" + n + "Tuottaja", "Tuottaja Oy");
      form.put("suunnitelma" + n + "EuroaKk", "1,00");
    }
    return form;
  }

  private static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }
}
