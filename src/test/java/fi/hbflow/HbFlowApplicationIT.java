package fi.hbflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.hbflow.research.ResearchFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on in-memory H2, driven through {@code /engine-rest} with HTTP basic auth as the workers'
 * Tasklist drives it: each worker sees only the tasks routed to their group, bad input is answered 400 with a Finnish
 * message, and the decision task reaches exactly the group the delegation rules name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:hbflow-it;DB_CLOSE_DELAY=-1",
    "hbflow.demo-users.enabled=true"})
class HbFlowApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @LocalServerPort
  int port;

  @Test
  void aSocialWorkerCarriesACaseThroughTheRestApi() throws Exception {
    // every working group has its shared Tasklist filter, and sees only its own
    JsonNode filters = get("sosiaalityontekija", "/filter?resourceType=Task").body;
    assertThat(filters).extracting(f -> f.get("name").asText()).containsExactly("HB: Sosiaalityö");

    JsonNode startForm = get("sosiaalityontekija", "/process-definition/key/hb-palveluprosessi/deployed-start-form").body;
    assertThat(startForm.get("id").asText()).isEqualTo("hb-vireilletulo");

    // a wrong henkilötunnus is refused with the reason, and nothing starts
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("asiakasNimi", "Aino Asiakas");
    start.put("henkilotunnus", "010594Y9022");
    start.put("kotikunta", "Imatra");
    start.put("vireilletulopaiva", LocalDate.now().minusDays(3).toString());
    start.put("tavallisetPalvelutEivatSovi", "Asumispalvelun aikataulut eivät sovi työhön.");
    Response refused = post("sosiaalityontekija", "/process-definition/key/hb-palveluprosessi/submit-form", variables(start));
    assertThat(refused.status).isEqualTo(400);
    assertThat(refused.body.get("message").asText()).contains("tarkiste").doesNotStartWith("Cannot");
    assertThat(get("demo", "/process-instance/count").body.get("count").asInt()).isZero();

    start.put("henkilotunnus", "010594Y9021");
    Response started = post("sosiaalityontekija", "/process-definition/key/hb-palveluprosessi/submit-form", variables(start));
    assertThat(started.status).isEqualTo(200);
    String caseId = started.body.get("id").asText();
    String caseKey = started.body.get("businessKey").asText();
    assertThat(caseKey).matches("HB-\\d{4}-\\d{6}");

    // the assessment reaches the social worker, not the service coordinator
    assertThat(tasks("palveluohjaaja", caseKey)).isEmpty();
    String assessment = taskOf("sosiaalityontekija", caseKey, "Task_Arviointi");
    Map<String, Object> needs = new LinkedHashMap<>();
    needs.put("arvioinninAloituspaiva", LocalDate.now().minusDays(1).toString());
    needs.put("oikeusVammaispalveluihin", "kylla");
    needs.put("tarve_HENKILOKOHTAINEN_APU", -40);
    needs.put("tarve_LIIKKUMISEN_TUKI", 18);
    needs.put("budjettikaudenAlku", "2026-07-01");
    needs.put("budjettikaudenPituusKk", 12);
    needs.put("arvioinninYhteenveto", "Tarvitsee avustajan ja kuljetuksia.");
    Response negative = submit("sosiaalityontekija", assessment, needs);
    assertThat(negative.status).isEqualTo(400);
    assertThat(negative.body.get("message").asText()).contains("negatiivinen");
    needs.put("tarve_HENKILOKOHTAINEN_APU", 40);
    assertThat(submit("sosiaalityontekija", assessment, needs).status).isEqualTo(204);

    assertThat(submit("sosiaalityontekija", taskOf("sosiaalityontekija", caseKey, "Task_Soveltuvuus"),
        ResearchFixtures.forRest(ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla", "nykyistaVoiMuokata", "ei",
            "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")))).status).isEqualTo(204);

    // the support choice is routed to service coordination (and HB-responsible persons)
    assertThat(tasks("sosiaalityontekija", caseKey)).isEmpty();
    assertThat(submit("palveluohjaaja", taskOf("palveluohjaaja", caseKey, "Task_TuenValinta"), Map.of(
        "tukimalli", "VERTAISTUKI", "tukijanNimi", "Vertaistukija Ville", "suostumusTietojenLuovutukseen", true)).status)
        .isEqualTo(204);

    // the budget is calculated by the job executor; the plan must stay within it
    String plan = awaitTask("sosiaalityontekija", caseKey, "Task_Tukisuunnitelma");
    // what the plan form shows: the worker reads the case through the task, not the process instance
    JsonNode formVariables = get("sosiaalityontekija", "/task/" + plan + "/form-variables").body;
    assertThat(formVariables.get("budjettiYhteensa").get("value").asText()).isEqualTo("22 127,40 €");
    assertThat(formVariables.get("budjettiErittelyTeksti").get("value").asText()).contains("Liikkumisen tuki (Vammaispalvelulaki 675/2023 28 § (kuljetuspalvelu 29 § 1 mom 1 k)): 18 × 28,85 €/matka");
    assertThat(get("sosiaalityontekija", "/process-instance/" + caseId + "/variables").status).isEqualTo(403);
    Map<String, Object> planForm = new LinkedHashMap<>();
    planForm.put("tukisuunnitelmanTavoitteet", "Asiakas käy töissä avustajan tuella.");
    planForm.put("suunnitelma1Mita", "Avustaja");
    planForm.put("suunnitelma1Tuottaja", "Avustajapalvelu Oy");
    planForm.put("suunnitelma1EuroaKk", "2500");
    Response over = submit("sosiaalityontekija", plan, planForm);
    assertThat(over.status).isEqualTo(400);
    assertThat(over.body.get("message").asText()).contains("ylittää budjetin");
    planForm.put("suunnitelma1EuroaKk", "1800,00");
    assertThat(submit("sosiaalityontekija", plan, planForm).status).isEqualTo(204);

    // 22 127,40 € a year: the social worker decides (delegation rule 5); a leading social worker does not see it
    String decision = awaitTask("sosiaalityontekija", caseKey, "Task_Paatos");
    assertThat(tasks("johtava", caseKey)).isEmpty();
    Map<String, Object> decisionForm = new LinkedHashMap<>();
    decisionForm.put("paatos", "myonnetty");
    decisionForm.put("paatospaiva", LocalDate.now().toString());
    decisionForm.put("paatoksenPerustelut", "");
    decisionForm.put("hetiTaytantoon", false);
    decisionForm.put("hetiTaytantoonPerustelu", "Toteutus odottaa lainvoimaa: asiakas toivoo palvelujen alkavan vasta syksyllä.");
    Response unjustified = submit("sosiaalityontekija", decision, decisionForm);
    assertThat(unjustified.status).isEqualTo(400);
    assertThat(unjustified.body.get("message").asText()).contains("Päätöksen perustelut puuttuu");
    decisionForm.put("paatoksenPerustelut", "Budjetti vastaa arvioitua tarvetta ja suunnitelma pysyy budjetissa.");
    assertThat(submit("sosiaalityontekija", decision, decisionForm).status).isEqualTo(204);
    assertThat(get("demo", "/process-instance/" + caseId + "/variables/paattaja").body.get("value").asText())
        .isEqualTo("sosiaalityontekija");

    // the decision document is written by the job executor and kept with the case, reachable through the task
    String notification = awaitTask("sosiaalityontekija", caseKey, "Task_Tiedoksianto");
    HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(uri("/task/" + notification
        + "/variables/paatosasiakirja/data")).header("Authorization", basic("sosiaalityontekija")).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("Päätös henkilökohtaisesta budjetoinnista").contains(caseKey)
        .contains("Oikaisuvaatimusohje").contains("Sanna Sosiaalityöntekijä").contains("delegointisääntö 5")
        .doesNotContain("010594Y9021");
    assertThat(submit("sosiaalityontekija", notification, Map.of(
        "tiedoksiantopaiva", LocalDate.now().toString(), "tiedoksiantotapa", "sahkoinen")).status).isEqualTo(204);

    // the rectification window is open: the task waits with the window's end as its due date
    JsonNode window = tasks("sosiaalityontekija", caseKey).get(0);
    assertThat(window.get("taskDefinitionKey").asText()).isEqualTo("Task_OikaisuvaatimusAika");
    LocalDate windowEnds = new fi.hbflow.calendar.FinnishCalendar()
        .deadline(LocalDate.now(), fi.hbflow.calendar.DeadlineUnit.PAIVA, 33); // electronic: 30 + 3 days
    java.time.OffsetDateTime due = java.time.OffsetDateTime.parse(window.get("due").asText(),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    assertThat(due.atZoneSameInstant(java.time.ZoneId.of("Europe/Helsinki")).toLocalDate()).isEqualTo(windowEnds);
    // an electronic rectification request arrives through the REST API (an integration account: here the admin)
    ObjectNode message = JSON.createObjectNode().put("messageName", "HB_OIKAISUVAATIMUS").put("businessKey", caseKey);
    message.putObject("processVariables").putObject("oikaisuvaatimuksenSisalto")
        .put("value", "Vaadin oikaisua: avustajatunteja on liian vähän.");
    assertThat(post("demo", "/message", message).status).isEqualTo(204);
    Response late = post("demo", "/message", message);
    assertThat(late.status).isEqualTo(400); // no open window any more: refused with a message, nothing changes

    // the individual-matters section rejects it: the decision stands and the services are arranged
    assertThat(submit("jaosto", taskOf("jaosto", caseKey, "Task_Oikaisuvaatimus"), Map.of(
        "oikaisuvaatimuksenRatkaisu", "hylatty", "oikaisuvaatimuksenPerustelut", "Päätös vastaa arvioitua tarvetta.")).status)
        .isEqualTo(204);
    // the ruling is a decision with appeal instructions, notified like the decision
    String rulingNotice = awaitTask("sosiaalityontekija", caseKey, "Task_RatkaisunTiedoksianto");
    assertThat(submit("sosiaalityontekija", rulingNotice, Map.of("ratkaisunTiedoksiantopaiva",
        LocalDate.now().toString(), "ratkaisunTiedoksiantotapa", "posti")).status).isEqualTo(204);
    assertThat(submit("palveluohjaaja", taskOf("palveluohjaaja", caseKey, "Task_Toteutus"), Map.of(
        "toteutuksenAloituspaiva", LocalDate.now().toString(), "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI")).status)
        .isEqualTo(204);

    // the first review is three months away: an operator runs its timer now instead of waiting
    JsonNode timer = get("demo", "/job?processInstanceId=" + caseId + "&activityId=Timer_Seurantapaiva").body;
    assertThat(timer).hasSize(1);
    assertThat(post("demo", "/job/" + timer.get(0).get("id").asText() + "/execute", JSON.createObjectNode()).status)
        .isEqualTo(204);
    String review = taskOf("sosiaalityontekija", caseKey, "Task_Seuranta");
    assertThat(submit("sosiaalityontekija", review, ResearchFixtures.forRest(ResearchFixtures.withEvaluationAndFeedback(Map.of(
        "seurantapaiva", LocalDate.now().toString(), "seurannanHavainnot", "Asiakas muuttaa toiselle paikkakunnalle.",
        "seurannanTulos", "paatetaan", "paattymisenSyy", "muutto")))).status).isEqualTo(204);

    JsonNode ended = get("demo", "/history/process-instance/" + caseId).body;
    assertThat(ended.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(get("demo", "/history/activity-instance/count?processInstanceId=" + caseId + "&activityId=End_Paattynyt")
        .body.get("count").asInt()).isEqualTo(1);
  }

  @Test
  void restRequiresAuthentication() throws Exception {
    HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri("/task")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(get("sosiaalityontekija", "/task").status).isEqualTo(200);
  }

  @Test
  void theWebappsServeOurFinnishTranslationAndSettings() throws Exception {
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      String config = webapp("/camunda/app/" + app + "/scripts/config.js");
      assertThat(config).contains("fallbackLocale: 'fi'");
      assertThat(webapp("/camunda/app/" + app + "/styles/user-styles.css")).contains(".ce-eol-banner");
      JsonNode finnish = JSON.readTree(webapp("/camunda/app/" + app + "/locales/fi.json"));
      JsonNode english = JSON.readTree(webapp("/camunda/app/" + app + "/locales/en.json").replace("\uFEFF", ""));
      assertThat(finnish.get("labels").size()).isEqualTo(english.get("labels").size());
    }
    JsonNode tasklist = JSON.readTree(webapp("/camunda/app/tasklist/locales/fi.json"));
    assertThat(tasklist.get("labels").get("PAGE_LOGIN_PASSWORD").asText()).isEqualTo("Salasana");
  }

  private String webapp(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  // --- a small REST client -------------------------------------------------------------------------------------

  record Response(int status, JsonNode body) {
  }

  private String taskOf(String user, String caseKey, String taskKey) throws Exception {
    // the case's tasks of this step (the case also has its budget ledger's task once implemented)
    JsonNode list = get(user, "/task?processInstanceBusinessKey=" + caseKey + "&taskDefinitionKey=" + taskKey).body;
    assertThat(list).hasSize(1);
    String id = list.get(0).get("id").asText();
    // the task's Camunda Form is in the deployment and readable by the worker
    JsonNode form = get(user, "/task/" + id + "/deployed-form").body;
    assertThat(form.get("id").asText()).startsWith("hb-");
    assertThat(post(user, "/task/" + id + "/claim", JSON.createObjectNode().put("userId", user)).status).isEqualTo(204);
    return id;
  }

  private String awaitTask(String user, String caseKey, String taskKey) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (get(user, "/task?processInstanceBusinessKey=" + caseKey + "&taskDefinitionKey=" + taskKey).body.size() > 0) {
        return taskOf(user, caseKey, taskKey);
      }
      Thread.sleep(200);
    }
    throw new AssertionError(taskKey + " did not appear for " + user);
  }

  /** The tasks of the case visible to the user: the case's own and those of the processes it calls. */
  private JsonNode tasks(String user, String caseKey) throws Exception {
    return get(user, "/task?processInstanceBusinessKey=" + caseKey).body;
  }

  private Response submit(String user, String taskId, Map<String, Object> form) throws Exception {
    return post(user, "/task/" + taskId + "/submit-form", variables(form));
  }

  private static ObjectNode variables(Map<String, Object> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    values.forEach((k, v) -> vars.putObject(k).set("value", JSON.valueToTree(v)));
    return body;
  }

  private Response get(String user, String path) throws Exception {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  private Response post(String user, String path, JsonNode body) throws Exception {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private Response send(String user, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = HTTP.send(request.header("Authorization", basic(user)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + "/engine-rest" + path);
  }
}
