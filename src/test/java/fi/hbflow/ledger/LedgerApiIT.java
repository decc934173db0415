package fi.hbflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ledger's REST API in the whole application (in-memory H2, demo users): an integration records expenses with
 * HTTP basic auth as a worker, the same server checks refuse bad ones, and a use alert does not stop recording.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ledger-it;DB_CLOSE_DELAY=-1",
    "hbflow.demo-users.enabled=true"})
class LedgerApiIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Test
  void anIntegrationRecordsExpensesAsAWorkerAndIsToldPlainlyWhatWasNotRecorded() throws Exception {
    String key = openLedger("HB-2026-900001");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));

    // 123,45 € of 12 000,00 €: recorded, no alert
    Response first = post("sosiaalityontekija", key, expense(today, "123,45", "Avustajan palkka"));
    assertThat(first.status).isEqualTo(201);
    assertThat(first.body.get("kaytettySentit").asLong()).isEqualTo(12_345L);
    assertThat(first.body.get("budjettiKausiSentit").asLong()).isEqualTo(1_200_000L);
    assertThat(first.body.get("kayttoaste").asText()).isEqualTo("1 %");
    assertThat(first.body.get("kaytetty").asText()).isEqualTo("123,45 €");
    assertThat(first.body.get("halytys").asBoolean()).isFalse();
    JsonValue expenses = runtimeService.getVariableTyped(ledgerId(key), "kulut");
    assertThat(expenses.getValue().elements()).hasSize(1);
    assertThat(expenses.getValue().elements().get(0).prop("kirjaaja").stringValue()).isEqualTo("sosiaalityontekija");

    // a negative amount is refused with the form check's Finnish message; nothing changes
    Response negative = post("palveluohjaaja", key, expense(today, "-5", "Palautus"));
    assertThat(negative.status).isEqualTo(400);
    assertThat(negative.body.get("virhe").asText()).startsWith("Lomaketta ei voitu tallentaa:").contains("negatiivinen");
    Response future = post("palveluohjaaja", key, expense(today.plusDays(1), "5", "Huomenna"));
    assertThat(future.status).isEqualTo(400);
    assertThat(future.body.get("virhe").asText()).contains("tulevaisuudessa");
    Response unreadable = send("palveluohjaaja", "/cases/" + key + "/expenses", "{\"paiva\": ");
    assertThat(unreadable.status).isEqualTo(400);
    assertThat(unreadable.body.get("virhe").asText()).contains("JSON");
    assertThat(runtimeService.getVariable(ledgerId(key), "kaytettySentit")).isEqualTo(12_345L);

    // 11 000 € more: over 90 % of the budget used early in the period, the social worker is alerted
    Response ahead = post("palveluohjaaja", key, expense(today, "11000", "Asunnon muutostyöt"));
    assertThat(ahead.status).isEqualTo(201);
    assertThat(ahead.body.get("kaytettySentit").asLong()).isEqualTo(1_112_345L);
    assertThat(ahead.body.get("kayttoaste").asText()).isEqualTo("92 %");
    assertThat(ahead.body.get("halytys").asBoolean()).isTrue();
    assertThat(ahead.body.get("halytyksenSyy").asText()).contains("prosenttiyksikköä kautta edellä");

    // the alert does not stall payments: the next expense is recorded while the social worker handles the alert
    Response during = post("palveluohjaaja", key, expense(today, "10", "Taksi"));
    assertThat(during.status).isEqualTo(201);
    assertThat(during.body.get("kaytettySentit").asLong()).isEqualTo(1_113_345L);
    // someone outside the groups that record expenses is not told about the case at all
    assertThat(post("johtaja", key, expense(today, "10", "Taksi")).status).isEqualTo(404);
  }

  @Test
  void theWorkerCanOpenTheLedgersFormInTasklist() throws Exception {
    String key = openLedger("HB-2026-900002");
    JsonNode tasks = restGet("sosiaalityontekija", "/task?processInstanceBusinessKey=" + key);
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    assertThat(restGet("sosiaalityontekija", "/task/" + taskId + "/deployed-form").get("id").asText()).isEqualTo("hb-kulu");
    JsonNode shown = restGet("sosiaalityontekija", "/task/" + taskId + "/form-variables");
    assertThat(shown.get("budjetti").get("value").asText()).isEqualTo("12 000,00 €");
    assertThat(shown.get("kayttoaste").get("value").asText()).isEqualTo("0 %");
  }

  @Test
  void anUnknownCaseIs404() throws Exception {
    Response unknown = post("sosiaalityontekija", "HB-2026-999999", expense(LocalDate.now(), "10", "Taksi"));
    assertThat(unknown.status).isEqualTo(404);
    assertThat(unknown.body.get("virhe").asText()).contains("HB-2026-999999").contains("ei ole avointa");
  }

  @Test
  void theApiRequiresAuthentication() throws Exception {
    HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri("/cases/HB-2026-900001/expenses"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(expense(LocalDate.now(), "10", "Taksi"))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));

    String wrong = Base64.getEncoder().encodeToString("sosiaalityontekija:vaara".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> wrongPassword = HTTP.send(HttpRequest.newBuilder(uri("/cases/HB-2026-900001/expenses"))
        .header("Content-Type", "application/json").header("Authorization", "Basic " + wrong)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
  }

  // --- setup and a small REST client ---------------------------------------------------------------------------

  /**
   * Setup shortcut: starts a ledger directly with {@code runtimeService}, with the variables
   * {@link BudgetLedger#open} gives it from an implemented HB case, instead of carrying a case through every step to
   * implementation (HbFlowApplicationIT does that). No HB case behind it: {@code hbAsiaId} is left out, so nothing
   * is mirrored. The period began two months ago, so an expense dated today is inside it and early in it.
   */
  private String openLedger(String key) {
    LocalDate start = LocalDate.now(ZoneId.of("Europe/Helsinki")).withDayOfMonth(1).minusMonths(2);
    Map<String, Object> variables = new HashMap<>();
    variables.put("asiakasNimi", "Aino Asiakas");
    variables.put("budjettiKausiSentit", 1_200_000L); // 12 000,00 €
    variables.put("budjettikaudenAlku", start.toString());
    variables.put("budjettikaudenPituusKk", 12);
    variables.put("kaytettySentit", 0L);
    runtimeService.startProcessInstanceByKey(BudgetLedger.PROCESS_KEY, key, variables);
    return key;
  }

  private String ledgerId(String key) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(BudgetLedger.PROCESS_KEY)
        .processInstanceBusinessKey(key).singleResult().getId();
  }

  private static Map<String, Object> expense(LocalDate date, String euros, String description) {
    return Map.of("paiva", date.toString(), "summa", euros, "selite", description);
  }

  record Response(int status, JsonNode body) {
  }

  private Response post(String user, String key, Map<String, Object> expense) throws Exception {
    return send(user, "/cases/" + key + "/expenses", JSON.writeValueAsString(expense));
  }

  private Response send(String user, String path, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json").header("Authorization", basic(user))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }

  private JsonNode restGet(String user, String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest" + path)).header("Authorization", basic(user)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s as %s: %s", path, user, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + "/hbflow/api" + path);
  }
}
