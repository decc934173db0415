package fi.hbflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.hbflow.HbFlowApplication;
import fi.hbflow.TestDatabase;
import fi.hbflow.benchmark.CaseSteps.After;
import fi.hbflow.benchmark.CaseSteps.Step;
import fi.hbflow.identity.Roles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The REST runs: the real application (Spring Boot, random port, demo users, its job executor) on a fresh file H2
 * database or a fresh database in the embedded PostgreSQL, driven through {@code /engine-rest} the way Tasklist
 * drives it, as the demo users with HTTP basic auth: the group's filter list (first page of 15), the task's form
 * variables, the form's submission. The vanilla process is deployed here, with read/start rights for the same groups.
 */
final class RestCases implements ThroughputBenchmark.Cases {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What Tasklist posts to list a filter's tasks (no search, newest first). */
  private static final String LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
  private static final String PASSWORD = "demo";

  private final ConfigurableApplicationContext app;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, String> filterOfGroup = new HashMap<>();
  private final List<Step> steps = CaseSteps.steps(true);
  private final AtomicLong vanillaKeys = new AtomicLong();
  private final LongAdder requests = new LongAdder();
  final String database;

  RestCases(String db, Path workDir) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", "0");
    properties.put("hbflow.demo-users.enabled", "true");
    properties.put("logging.level.root", "WARN");
    properties.put("spring.main.banner-mode", "off");
    if ("postgres".equals(db)) {
      properties.put("spring.datasource.url", TestDatabase.freshPostgresUrl("hb_benchmark_rest"));
      properties.put("spring.datasource.username", TestDatabase.USER);
      properties.put("spring.datasource.password", "");
      database = TestDatabase.describe();
    } else {
      properties.put("spring.datasource.url", "jdbc:h2:file:" + workDir.resolve("rest-h2").toAbsolutePath()
          + "/hbflow;DB_CLOSE_ON_EXIT=FALSE");
      database = "H2 " + org.h2.engine.Constants.VERSION + " (file)";
    }
    app = new SpringApplicationBuilder(HbFlowApplication.class).properties(properties).run();
    int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    base = "http://localhost:" + port + "/engine-rest";
    deployVanilla(app.getBean(ProcessEngine.class));
    try {
      for (JsonNode filter : send("demo", get("/filter?resourceType=Task")).body()) {
        for (Roles.Role role : Roles.ALL) {
          if (filter.get("name").asText().equals("HB: " + role.name())) {
            filterOfGroup.put(role.groupId(), filter.get("id").asText());
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("filters", e);
    }
  }

  /** The vanilla process, and what its workers may do with it (as IdentitySetup grants it for the HB processes). */
  private static void deployVanilla(ProcessEngine engine) {
    // with HB's forms: every submission is checked against its form (the form contract), the vanilla process's too
    org.camunda.bpm.engine.repository.DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name("hb-benchmark-vanilla").enableDuplicateFiltering(true).addClasspathResource("benchmark/vanilla.bpmn");
    for (String form : List.of("hb-vireilletulo", "hb-palvelutarpeen-arviointi", "hb-soveltuvuus", "hb-tuen-valinta",
        "hb-tukisuunnitelma", "hb-paatos", "hb-tiedoksianto", "hb-toteutus", "hb-seuranta")) {
      deployment.addClasspathResource("forms/" + form + ".form");
    }
    deployment.deploy();
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String group : List.of(Roles.SOCIAL_WORK, Roles.SERVICE_COORDINATION, Roles.HB_RESPONSIBLE)) {
      if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION)
          .resourceId(ThroughputBenchmark.VANILLA).count() > 0) {
        continue;
      }
      Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(Resources.PROCESS_DEFINITION);
      auth.setResourceId(ThroughputBenchmark.VANILLA);
      for (Permission p : new Permission[] {Permissions.READ, Permissions.CREATE_INSTANCE}) {
        auth.addPermission(p);
      }
      authorizations.saveAuthorization(auth);
    }
  }

  @Override
  public String name() {
    return "REST";
  }

  @Override
  public long statements() {
    return -1;
  }

  @Override
  public long requests() {
    return requests.sum();
  }

  @Override
  public Map<String, Long> takeProfile(boolean enable) {
    return Map.of();
  }

  @Override
  public int runCase(boolean hb, ThroughputBenchmark.StepTimes times) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
    ObjectNode start = variables(CaseSteps.startForm(today, true));
    if (!hb) {
      start.put("businessKey", "V-" + vanillaKeys.incrementAndGet());
    }
    String key = hb ? "hb-palveluprosessi" : ThroughputBenchmark.VANILLA;
    JsonNode started = expect(200, send(CaseSteps.SOCIAL_WORKER, post("/process-definition/key/" + key + "/submit-form", start)));
    String caseId = started.get("id").asText();
    String businessKey = started.path("businessKey").asText(null);
    int completed = 0;
    for (int i = 0; i < steps.size(); i++) {
      long t0 = System.nanoTime();
      long r0 = requests.sum();
      Step step = steps.get(i);
      String taskId = awaitTask(step, hb ? step.hbTask() : CaseSteps.vanillaTask(i), caseId, businessKey);
      expect(200, send(step.user(), get("/task/" + taskId + "/form-variables")));
      expect(204, send(step.user(), post("/task/" + taskId + "/submit-form", variables(step.form().apply(today)))));
      if (hb && step.after() == After.TIMER) {
        // the timer's date is months away: the administrator runs the case's timer job now (the watches' timers stay)
        for (JsonNode job : expect(200, send("demo", get("/job?timers=true&processInstanceId=" + caseId)))) {
          expect(204, send("demo", post("/job/" + job.get("id").asText() + "/execute", null)));
        }
      }
      completed++;
      times.add(i, System.nanoTime() - t0, requests.sum() - r0);
    }
    return completed;
  }

  /** Lists the group's filter as Tasklist does until the case's task is there (async steps run in the job executor). */
  private String awaitTask(Step step, String taskKey, String caseId, String businessKey) throws Exception {
    String filter = filterOfGroup.get(step.group());
    long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < giveUp) {
      JsonNode body = expect(200, send(step.user(), post("/filter/" + filter + "/list?firstResult=0&maxResults=15",
          LIST_BODY).header("Accept", "application/hal+json, application/json; q=0.5")));
      JsonNode tasks = body.has("_embedded") ? body.path("_embedded").path("task") : body;
      for (JsonNode task : tasks) {
        boolean ofCase = caseId.equals(task.path("processInstanceId").asText())
            || businessKey != null && task.path("name").asText().endsWith("(" + businessKey + ")");
        if (ofCase && taskKey.equals(task.path("taskDefinitionKey").asText())) {
          return task.get("id").asText();
        }
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException(taskKey + " of case " + caseId + " did not appear in the filter of " + step.group());
  }

  private static ObjectNode variables(Map<String, ?> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    values.forEach((k, v) -> vars.putObject(k).set("value", JSON.valueToTree(v)));
    return body;
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).GET();
  }

  private HttpRequest.Builder post(String path, Object body) throws IOException {
    String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
    return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
  }

  record Answer(int status, String text) {
    JsonNode body() throws IOException {
      return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
    }
  }

  private Answer send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    requests.increment();
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), response.body());
  }

  private static JsonNode expect(int status, Answer answer) throws IOException {
    if (answer.status() != status) {
      throw new IllegalStateException("HTTP " + answer.status() + " (expected " + status + "): " + answer.text());
    }
    return answer.body();
  }

  @Override
  public void close() {
    app.close();
  }
}
