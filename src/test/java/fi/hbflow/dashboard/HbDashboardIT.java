package fi.hbflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.caseflow.HbCaseDriver;
import fi.hbflow.research.ResearchFixtures;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HB dashboard in the whole application: three real cases (one carried through the forms to a rectification
 * request, one ended at the assessment, one just opened), then the Cockpit plugin's figures for a manager logged in
 * to Cockpit, the refusal of others, and the same figures as {@code hb_*} series in {@code /actuator/prometheus}.
 * The expected numbers are read from the cases themselves (their dates, their calculated budget).
 *
 * <p>{@code @AutoConfigureObservability}: a Spring Boot test switches metrics export (and so the Prometheus endpoint)
 * off unless asked.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:dashboard-it;DB_CLOSE_DELAY=-1",
    "hbflow.demo-users.enabled=true",
    // the cases are opened months back: without a job executor their overdue deadline watches stay put (the
    // asynchronous steps of the cases are run by the test)
    "camunda.bpm.job-execution.enabled=false"})
class HbDashboardIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String FIGURES = "/api/cockpit/plugin/hb-dashboard/default/figures";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  static ProcessInstance granted;
  static ProcessInstance notEntitled;
  static ProcessInstance opened;

  @BeforeEach
  void threeCases() {
    if (granted != null) {
      return; // one setup for the class (the Spring context and its database are shared)
    }
    // 1. Imatra: carried through every form to a rectification request that is being handled
    granted = open("Imatra", "2026-06-01");
    complete(granted, "Task_Arviointi", HbCaseDriver.standardAssessment());
    complete(granted, "Task_Soveltuvuus", ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla",
        "nykyistaVoiMuokata", "ei", "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata työhön.")));
    complete(granted, "Task_TuenValinta", Map.of("tukimalli", "VERTAISTUKI", "tukijanNimi", "Ville Vertainen",
        "suostumusTietojenLuovutukseen", true, "tuenSisalto", "Suunnitelman laatiminen"));
    complete(granted, "Task_Tukisuunnitelma", HbCaseDriver.plan("Henkilökohtainen avustaja", "Avustajapalvelu Oy",
        "1500,00", "Taksimatkat", "Taksi Etelä-Karjala", "300"));
    complete(granted, "Task_Paatos", HbCaseDriver.decision("myonnetty"));
    complete(granted, "Task_Tiedoksianto", HbCaseDriver.notification());
    complete(granted, "Task_OikaisuvaatimusAika", Map.of("oikaisuvaatimuksenSaapumispaiva", "2026-06-14",
        "oikaisuvaatimuksenSisalto", "Asiakas pyytää oikaisua: avustajatunnit eivät riitä."));
    assertThat(task(granted, "Task_Oikaisuvaatimus")).isNotNull();

    // 2. Lappeenranta: not entitled to disability services, ended at the assessment
    notEntitled = open("Lappeenranta", "2026-06-02");
    complete(notEntitled, "Task_Arviointi", Map.of("arvioinninAloituspaiva", "2026-06-04",
        "oikeusVammaispalveluihin", "ei", "arvioinninYhteenveto", "Ei oikeutta vammaispalveluihin."));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(notEntitled.getId())
        .singleResult().getEndTime()).isNotNull();

    // 3. Lappeenranta: opened in July, waiting for its assessment (whose last day has passed)
    opened = open("Lappeenranta", "2026-07-01");
  }

  @Test
  void aManagerLoggedInToCockpitGetsTheFiguresOfTheCases() throws Exception {
    Browser johtaja = Browser.loggedIn(port, "johtaja", "cockpit");
    HttpResponse<String> answer = johtaja.get(FIGURES);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode f = JSON.readTree(answer.body());

    assertThat(f.at("/cases/total").asLong()).isEqualTo(3);
    assertThat(f.at("/cases/open").asLong()).isEqualTo(2);
    assertThat(f.at("/cases/ended").asLong()).isEqualTo(1);
    assertThat(count(f.get("cases").get("outcomes"), "kesken")).isEqualTo(2);
    assertThat(count(f.get("cases").get("outcomes"), "ei_oikeutta")).isEqualTo(1);
    assertThat(count(f.get("openByStep"), "Task_Arviointi")).isEqualTo(1);
    assertThat(count(f.get("openByStep"), "Task_Oikaisuvaatimus")).isEqualTo(1);
    assertThat(count(f.get("openByStep"), "Task_Paatos")).isZero();
    assertThat(count(f.get("byMunicipality"), "Lappeenranta")).isEqualTo(2);
    assertThat(count(f.get("byMonth"), "2026-06")).isEqualTo(2);
    assertThat(count(f.get("byMonth"), "2026-07")).isEqualTo(1);

    // lead times from the dates of the forms: 4 (1.6. → 5.6.) and 2 days (2.6. → 4.6.)
    long first = ChronoUnit.DAYS.between(LocalDate.parse("2026-06-01"),
        LocalDate.parse((String) HbCaseDriver.standardAssessment().get("arvioinninAloituspaiva")));
    JsonNode assessment = clock(f, "ARVIOINTI_ALKAA");
    assertThat(assessment.get("completed").asLong()).isEqualTo(2);
    assertThat(assessment.get("medianDays").asLong()).isEqualTo(Math.min(first, 2));
    assertThat(assessment.get("p90Days").asLong()).isEqualTo(Math.max(first, 2));
    assertThat(assessment.get("overdue").asLong()).isEqualTo(1); // case 3, past its last day
    assertThat(assessment.get("onTime").asLong()).isEqualTo(2);
    JsonNode decision = clock(f, "PAATOS");
    assertThat(decision.get("completed").asLong()).isEqualTo(1);
    assertThat(decision.get("medianDays").asLong()).isEqualTo(ChronoUnit.DAYS.between(LocalDate.parse("2026-06-01"),
        LocalDate.parse((String) HbCaseDriver.decision("myonnetty").get("paatospaiva"))));

    assertThat(f.get("clocks").findValuesAsText("clock")).containsExactly("ARVIOINTI_ALKAA", "ARVIOINTI_VALMIS",
        "PAATOS", "TOTEUTUS", "OIKAISUVAATIMUKSEN_KASITTELY");
    // the request in handling has its county target
    assertThat(clock(f, "OIKAISUVAATIMUKSEN_KASITTELY").get("pending").asLong()
        + clock(f, "OIKAISUVAATIMUKSEN_KASITTELY").get("overdue").asLong()).isEqualTo(1);
    // no case carries an old-law decision: the figure is there, with zeros
    assertThat(f.at("/transition/open").isNumber()).isTrue();
    assertThat(f.at("/transition/open").asLong()).isZero();
    assertThat(f.at("/transition/dueSoon").asLong()).isZero();

    assertThat(f.at("/rectification/requests").asLong()).isEqualTo(1);
    assertThat(f.at("/rectification/pending").asLong()).isEqualTo(1);
    long budget = ((Number) engine.getRuntimeService().getVariable(granted.getId(), "budjettiKausiSentit")).longValue();
    assertThat(budget).isPositive();
    assertThat(f.at("/budget/grantedCases").asLong()).isEqualTo(1);
    assertThat(f.at("/budget/grantedCents").asLong()).isEqualTo(budget);
    assertThat(f.at("/budget/usedCents").asLong()).isZero();
    assertThat(count(f.get("supportModels"), "VERTAISTUKI")).isEqualTo(1);
    assertThat(f.at("/satisfaction/responses").asLong()).isZero();

    // a selection: the cases of Lappeenranta, or of the months from July
    JsonNode lappeenranta = JSON.readTree(johtaja.get(FIGURES + "?kunta=Lappeenranta").body());
    assertThat(lappeenranta.at("/cases/total").asLong()).isEqualTo(2);
    assertThat(lappeenranta.at("/options/municipalities")).extracting(JsonNode::asText)
        .containsExactly("Imatra", "Lappeenranta");
    JsonNode july = JSON.readTree(johtaja.get(FIGURES + "?kuukausiAlkaen=2026-07&kuukausiAsti=2026-07").body());
    assertThat(july.at("/cases/total").asLong()).isEqualTo(1);
    HttpResponse<String> bad = johtaja.get(FIGURES + "?kuukausiAlkaen=heinakuu");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("vvvv-kk");

    // the process owner too
    assertThat(Browser.loggedIn(port, "prosessinomistaja", "cockpit").get(FIGURES).statusCode()).isEqualTo(200);
  }

  @Test
  void othersAreRefusedAndWithoutALoginTheAnswerIs401() throws Exception {
    Browser socialWorker = Browser.loggedIn(port, "sosiaalityontekija", "tasklist");
    HttpResponse<String> refused = socialWorker.get(FIGURES);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("vain johdolle ja prosessinomistajille").doesNotContain("Imatra");
    HttpResponse<String> admin = Browser.loggedIn(port, "demo", "cockpit").get(FIGURES);
    assertThat(admin.statusCode()).isEqualTo(403);

    assertThat(Browser.anonymous(port).get(FIGURES).statusCode()).isEqualTo(401);
  }

  @Test
  void cockpitLoadsThePluginAndItsPage() throws Exception {
    Browser johtaja = Browser.loggedIn(port, "johtaja", "cockpit");
    // the server-side plugin is registered: Cockpit's page lists it, and its (empty) front-end module is served
    assertThat(johtaja.get("/app/cockpit/default/").body()).contains("hb-dashboard");
    assertThat(johtaja.get("/api/cockpit/plugin/hb-dashboard/static/app/plugin.js").statusCode()).isEqualTo(200);
    // the page is the custom script of Cockpit's configuration (whose locales stay)
    String config = johtaja.get("/app/cockpit/scripts/config.js").body();
    assertThat(config).contains("customScripts: ['scripts/hb-dashboard.js']").contains("fallbackLocale: 'fi'");
    HttpResponse<String> page = johtaja.get("/app/cockpit/scripts/hb-dashboard.js");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("pluginPoint: 'cockpit.route'").contains("id: 'hb-dashboard'")
        .contains("'cases-total'").contains("data-hb-error").contains("HB-mittaristo");
  }

  @Test
  void prometheusGetsTheSameFiguresAsHbSeriesBehindBasicAuth() throws Exception {
    // a scrape never waits for the HB figures: they are computed in the background, ready at a later scrape
    String metrics = null;
    for (int attempt = 0; attempt < 120; attempt++) {
      HttpResponse<String> scrape = Browser.anonymous(port).get("/../actuator/prometheus", "johtaja", "demo");
      assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
      metrics = scrape.body();
      assertThat(metrics).contains("hb_engine_jobs{state=\"executable\"}");
      if (value(metrics, "hb_figures_up") == 1.0) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(value(metrics, "hb_figures_up")).isEqualTo(1.0);
    assertThat(value(metrics, "hb_cases{outcome=\"kesken\"}")).isEqualTo(2.0);
    assertThat(value(metrics, "hb_cases{outcome=\"ei_oikeutta\"}")).isEqualTo(1.0);
    assertThat(value(metrics, "hb_cases_by_municipality{municipality=\"Lappeenranta\"}")).isEqualTo(2.0);
    assertThat(value(metrics, "hb_cases_open_by_step{step=\"Task_Oikaisuvaatimus\",step_name=\"Oikaisuvaatimuksen käsittely\"}"))
        .isEqualTo(1.0);
    assertThat(value(metrics, "hb_clock_cases{clock=\"ARVIOINTI_ALKAA\",status=\"overdue\"}")).isEqualTo(1.0);
    assertThat(value(metrics, "hb_lead_time_median_days{clock=\"ARVIOINTI_ALKAA\"}")).isEqualTo(2.0);
    assertThat(value(metrics, "hb_rectification_requests{state=\"pending\"}")).isEqualTo(1.0);
    long budget = ((Number) engine.getRuntimeService().getVariable(granted.getId(), "budjettiKausiSentit")).longValue();
    assertThat(value(metrics, "hb_budget_granted_cents")).isEqualTo((double) budget);
    assertThat(value(metrics, "hb_support_model_cases{model=\"VERTAISTUKI\"}")).isEqualTo(1.0);
    assertThat(value(metrics, "hb_support_model_cases{model=\"EI_TUKEA\"}")).isEqualTo(0.0);
    // the engine: open tasks per candidate group, jobs
    assertThat(value(metrics, "hb_engine_tasks_open{candidate_group=\"yksilojaosto\"}"))
        .isEqualTo((double) engine.getTaskService().createTaskQuery().taskCandidateGroup("yksilojaosto").count());
    assertThat(value(metrics, "hb_engine_tasks_open{candidate_group=\"sosiaalityo\"}"))
        .isEqualTo((double) engine.getTaskService().createTaskQuery().taskCandidateGroup("sosiaalityo").count());
    assertThat(value(metrics, "hb_engine_jobs{state=\"executable\"}"))
        .isEqualTo((double) engine.getManagementService().createJobQuery().executable().count());
    assertThat(value(metrics, "hb_engine_jobs{state=\"failed\"}")).isZero();
    assertThat(value(metrics, "hb_engine_incidents_open{type=\"failedJob\"}")).isZero();

    assertThat(Browser.anonymous(port).get("/../actuator/prometheus", "sosiaalityontekija", "demo").statusCode())
        .isEqualTo(403);
    assertThat(Browser.anonymous(port).get("/../actuator/prometheus", "johtaja", "vaara").statusCode()).isEqualTo(401);
    HttpResponse<String> anonymous = Browser.anonymous(port).get("/../actuator/prometheus");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("hb_cases");
    // health is open, and shows no details
    HttpResponse<String> health = Browser.anonymous(port).get("/../actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"").doesNotContain("hikari").doesNotContain("diskSpace");
  }

  // --- the cases -----------------------------------------------------------------------------------------------------

  private ProcessInstance open(String municipality, String openedOn) {
    Map<String, Object> start = new HashMap<>(HbCaseDriver.startForm());
    start.put("kotikunta", municipality);
    start.put("vireilletulopaiva", openedOn);
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("hb-palveluprosessi").latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definition, start);
  }

  /** Submits the form of the case's open task (in the case or in the support-model process it calls). */
  private void complete(ProcessInstance pi, String taskKey, Map<String, Object> form) {
    engine.getFormService().submitTaskForm(task(pi, taskKey).getId(), form);
    // the asynchronous steps (budget calculation, decision document) as the job executor would run them
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).messages()
          .executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private Task task(ProcessInstance pi, String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as(taskKey).hasSize(1);
    return tasks.get(0);
  }

  // --- helpers -------------------------------------------------------------------------------------------------------

  private static long count(JsonNode counts, String key) {
    for (JsonNode c : counts) {
      if (c.get("key").asText().equals(key)) {
        return c.get("count").asLong();
      }
    }
    throw new AssertionError("no " + key + " in " + counts);
  }

  private static JsonNode clock(JsonNode figures, String name) {
    for (JsonNode c : figures.get("clocks")) {
      if (c.get("clock").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no clock " + name);
  }

  /** The value of one series in the Prometheus text format. */
  private static double value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    assertThat(m.find()).as("series %s in%n%s", series, metrics.lines().filter(l -> l.startsWith("hb_")).toList())
        .isTrue();
    return Double.parseDouble(m.group(1));
  }

  /** A browser session of the Camunda webapps: cookies and the CSRF token Cockpit and Tasklist use. */
  record Browser(String webapp, HttpClient http, CookieManager cookies) {

    static Browser anonymous(int port) {
      CookieManager cookies = new CookieManager();
      return new Browser("http://localhost:" + port + "/camunda",
          HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
    }

    static Browser loggedIn(int port, String user, String app) throws Exception {
      Browser browser = anonymous(port);
      assertThat(browser.get("/app/" + app + "/default/").statusCode()).isEqualTo(200);
      HttpResponse<String> login = browser.http.send(HttpRequest.newBuilder(URI.create(
              browser.webapp + "/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", browser.token())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
              + URLEncoder.encode("demo", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      assertThat(browser.get("/api/admin/auth/user/default").statusCode()).isEqualTo(200);
      return browser;
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(webapp + path).normalize()).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String user, String password) throws Exception {
      String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return http.send(HttpRequest.newBuilder(URI.create(webapp + path).normalize())
          .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String token() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((first, latest) -> latest)
          .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }
  }
}
