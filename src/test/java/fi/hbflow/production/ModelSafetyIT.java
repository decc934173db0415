package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fi.hbflow.ModelSafetyConfig;
import fi.hbflow.engine.EngineSettings;
import fi.hbflow.engine.HostileModels;
import fi.hbflow.engine.RestrictedExpressionManager;
import fi.hbflow.identity.Roles;
import fi.hbflow.production.Rest.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner's deployments over HTTP, as Camunda Modeler makes them ({@code POST /engine-rest/deployment/create}),
 * with the application's own engine: expressions that reach for Java or Spring fail and tell nothing, a model that
 * reaches for the engine's services fails without effect, scripts and Java classes are refused with 400 and a Finnish
 * message, and every deployment is logged with its author and diff. The process owner here has what the group
 * {@code prosessinomistajat} has (deployments, reading definitions, evaluating a decision table).
 */
@ProductionLikeApplication
class ModelSafetyIT {

  static final String OWNER = "olli-omistaja";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identityService;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  ProcessEngine engine;

  Rest admin;
  Rest owner;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void accounts() {
    if (identityService.createUserQuery().userId(OWNER).count() == 0) {
      User user = identityService.newUser(OWNER);
      user.setFirstName("Olli");
      user.setLastName("Omistaja");
      user.setPassword(HbCase.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(OWNER, Roles.PROCESS_OWNERS);
    }
    admin = Rest.node(port, "paakayttaja", ProductionLikeApplication.ADMIN_PASSWORD);
    owner = admin.as(OWNER, HbCase.PASSWORD);
  }

  @AfterEach
  void removeDeployments() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    if (identityService.createUserQuery().userId("hyokkaaja").count() > 0) {
      identityService.deleteUser("hyokkaaja");
    }
  }

  @Test
  void theApplicationsExpressionsKnowOnlyHbsProcessBeans() {
    ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(c.getExpressionManager()).isInstanceOf(RestrictedExpressionManager.class);
    assertThat(c.getBeans().keySet()).containsExactlyInAnyOrderElementsOf(ModelSafetyConfig.PROCESS_BEAN_NAMES);
  }

  @Test
  void theApplicationRunsWithTheSharedEngineSettings() {
    ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(c.getHistory()).isEqualTo("full");
    assertThat(c.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(c.getDefaultSerializationFormat()).isEqualTo("application/json");
    assertThat(c.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(c.getGeneralResourceWhitelistPattern()).isEqualTo(EngineSettings.RESOURCE_ID_PATTERN);
    assertThat(c.isEnforceSpecificVariablePermission()).isTrue();
    assertThat(c.getDefaultUserPermissionNameForTask()).isEqualTo(EngineSettings.TASK_PERMISSION);
  }

  @Test
  void theIssuesExpressionsInADeployedTableFailAndTellNothing() throws Exception {
    Response deployed = deploy(OWNER, "hyokkays", Map.of(
        "hyokkays-runtime.dmn", HostileModels.dmn("hyokkays-runtime", "juel", HostileModels.RUNTIME),
        "hyokkays-env.dmn", HostileModels.dmn("hyokkays-env", "juel", HostileModels.ENVIRONMENT),
        "hyokkays-feel.dmn", HostileModels.dmn("hyokkays-feel", null, HostileModels.FEEL_EXTERNAL)));
    assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);

    Response runtime = owner.post("/decision-definition/key/hyokkays-runtime/evaluate", Rest.variables(Map.of()));
    assertThat(runtime.status()).isEqualTo(400);
    assertThat(runtime.message()).contains("Mallin lauseke yritti käyttää");
    assertThat(runtime.text()).doesNotContain("java.lang.Runtime").doesNotContain("getClass");

    Response environment = owner.post("/decision-definition/key/hyokkays-env/evaluate", Rest.variables(Map.of()));
    assertThat(environment.status()).isGreaterThanOrEqualTo(400);
    assertThat(environment.text()).doesNotContain("jdbc:").doesNotContain("security-it");

    Response feel = owner.post("/decision-definition/key/hyokkays-feel/evaluate", Rest.variables(Map.of()));
    assertThat(feel.status()).isGreaterThanOrEqualTo(400);
    assertThat(System.getProperty(HostileModels.FEEL_EXTERNAL_PROPERTY)).isNull();

    // an ordinary table of the same owner evaluates
    assertThat(deploy(OWNER, "tavallinen", Map.of("tavallinen.dmn",
        HostileModels.dmn("tavallinen", "juel", "${kunta.toUpperCase()}"))).status()).isEqualTo(200);
    Response ordinary = owner.post("/decision-definition/key/tavallinen/evaluate",
        Rest.variables(Map.of("kunta", "imatra")));
    assertThat(ordinary.status()).isEqualTo(200);
    assertThat(ordinary.body().get(0).get("tulos").get("value").asText()).isEqualTo("IMATRA");
  }

  @Test
  void aModelReachingForTheEngineServicesFailsWithoutEffect() throws Exception {
    String expression = "${execution.processEngineServices.identityService.saveUser("
        + "execution.processEngineServices.identityService.newUser('hyokkaaja'))}";
    Response deployed = deploy(OWNER, "palvelut", Map.of("hyokkays-palvelut.bpmn",
        HostileModels.bpmn("hyokkays-palvelut", expression)));
    assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);

    Response started = admin.post("/process-definition/key/hyokkays-palvelut/start",
        Rest.JSON.createObjectNode().put("businessKey", "HB-HYOKKAYS"));
    // the engine REST API answers a failure of the model while it runs with 500 (not the request's fault), and the
    // model's refusal is the message
    assertThat(started.status()).isEqualTo(500);
    assertThat(started.message()).contains("Mallin lauseke yritti käyttää");
    assertThat(started.text()).doesNotContain("identityService").doesNotContain("org.camunda");
    assertThat(identityService.createUserQuery().userId("hyokkaaja").count()).isZero();
    assertThat(admin.get("/process-instance/count?businessKey=HB-HYOKKAYS").body().get("count").asInt()).isZero();
  }

  @Test
  void scriptsJavaClassesAndOtherFilesAreRefusedWithAFinnishMessage() throws Exception {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("skriptitehtava.bpmn", HostileModels.scriptTask("hyokkays-skripti"));
    refused.put("skriptikuuntelija.bpmn", HostileModels.scriptListener("hyokkays-kuuntelija"));
    refused.put("luokka.bpmn", HostileModels.javaClass("hyokkays-luokka"));
    refused.put("skripti.dmn", HostileModels.dmn("hyokkays-js", "javascript", "1"));
    refused.put("lomake.html", "<form><script>alert(1)</script></form>");
    for (Map.Entry<String, String> file : refused.entrySet()) {
      Response answer = deploy(OWNER, "hylatty", Map.of(file.getKey(), file.getValue()));
      assertThat(answer.status()).as(file.getKey() + ": " + answer.text()).isEqualTo(400);
      assertThat(answer.message()).as(file.getKey()).startsWith("Käyttöönotto hylättiin").contains(file.getKey());
    }
    assertThat(repositoryService.createDeploymentQuery().deploymentName("hylatty").count()).isZero();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKeyLike("hyokkays-%").count())
        .isZero();
  }

  @Test
  void everyDeploymentIsLoggedWithItsAuthorAndDiff() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger("fi.hbflow.deployments");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level level = log.getLevel();
    log.setLevel(Level.INFO); // the tests' logback configuration logs WARN and up; the application's INFO
    log.addAppender(appender);
    try {
      assertThat(deploy(OWNER, "Hinnat", Map.of("processes/it-hinnat.dmn",
          HostileModels.dmn("it-hinnat", null, "\"12,50\""))).status()).isEqualTo(200);
      assertThat(deploy(OWNER, "Hinnat", Map.of("processes/it-hinnat.dmn",
          HostileModels.dmn("it-hinnat", null, "\"13,00\""))).status()).isEqualTo(200);
      List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).anySatisfy(line -> assertThat(line).contains("tekijä " + OWNER)
          .endsWith("processes/it-hinnat.dmn uusi (" + HostileModels.dmn("it-hinnat", null, "\"12,50\"")
              .getBytes(StandardCharsets.UTF_8).length + " tavua)"));
      assertThat(lines).anySatisfy(line -> assertThat(line).contains("tekijä " + OWNER + ": processes/it-hinnat.dmn "
          + "muuttui:\n--- processes/it-hinnat.dmn").contains("\n-").contains("&quot;12,50&quot;")
          .contains("\n+").contains("&quot;13,00&quot;"));
    } finally {
      log.detachAppender(appender);
      log.setLevel(level);
    }
  }

  /** POST /deployment/create as Camunda Modeler sends it (multipart: the name and the files). */
  Response deploy(String user, String name, Map<String, String> files) throws IOException, InterruptedException {
    String boundary = "----hbflow" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
        .append(name).append("\r\n");
    for (Map.Entry<String, String> file : files.entrySet()) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(file.getKey())
          .append("\"; filename=\"").append(file.getKey()).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .append(file.getValue()).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    String credentials = Base64.getEncoder().encodeToString((user + ":" + HbCase.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + credentials)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Response answer = new Response(response.statusCode(),
        response.body().isBlank() ? null : Rest.JSON.readTree(response.body()), response.body());
    if (answer.status() == 200) {
      deployments.add(answer.body().get("id").asText());
    }
    return answer;
  }
}
