package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.hbflow.identity.Roles;
import fi.hbflow.production.Rest.Response;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The read-access log (lukuloki) over HTTP with real accounts, as production runs (no demo users): a worker's and the
 * administrator's reads of a case through {@code /engine-rest} and Tasklist's {@code /camunda/api/engine} each leave
 * one row with who, which case, what and why; the data-protection officer lists them through
 * {@code /hbflow/api/cases/{businessKey}/access-log}, and the listing is a row of its own; anyone else is refused in
 * Finnish, an unknown case is 404, and a refused or empty read leaves no row.
 */
@ProductionLikeApplication
class AccessLogIT {

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identityService;

  Rest admin;
  Rest sanna;
  Rest tiina;
  Rest jorma;

  @BeforeEach
  void accounts() {
    worker("sanna", Roles.SOCIAL_WORK);
    worker("tiina", Roles.DATA_PROTECTION);
    worker("jorma", Roles.MANAGEMENT);
    admin = Rest.node(port, "paakayttaja", ProductionLikeApplication.ADMIN_PASSWORD);
    sanna = admin.as("sanna", HbCase.PASSWORD);
    tiina = admin.as("tiina", HbCase.PASSWORD);
    jorma = admin.as("jorma", HbCase.PASSWORD);
  }

  private void worker(String id, String group) {
    HbCase.account(identityService, id, group);
  }

  @Test
  void eachReadOfACaseIsOneRowAndTheOfficerSeesThemNewestFirst() throws Exception {
    Response start = HbCase.start(sanna, "Aino Asiakas");
    assertThat(start.status()).as(start.text()).isEqualTo(200);
    String caseKey = start.body().get("businessKey").asText();
    String caseId = start.body().get("id").asText();
    String task = HbCase.task(sanna, caseKey, "Task_Arviointi");

    // the worker opens the task's form and reads its variables; the administrator reads the case's history
    Response form = sanna.get("/task/" + task + "/form-variables");
    assertThat(form.status()).as(form.text()).isEqualTo(200);
    assertThat(form.body().get("asiakasNimi").get("value").asText()).isEqualTo("Aino Asiakas");
    Response variables = sanna.get("/task/" + task + "/variables");
    assertThat(variables.status()).as(variables.text()).isEqualTo(200);
    Response historic = admin.get("/history/variable-instance?processInstanceId=" + caseId);
    assertThat(historic.status()).as(historic.text()).isEqualTo(200);
    assertThat(historic.body().findValuesAsText("name")).contains("asiakasNimi", "henkilotunnus");

    List<JsonNode> log = list(hb(tiina).get(accessLog(caseKey)));
    assertThat(log).hasSize(4);
    assertEntry(log.get(0), "tiina", "lukuloki", "tietosuojavalvonta");
    assertThat(log.get(0).get("kayttajanNimi").asText()).isEqualTo("tiina Testi");
    assertEntry(log.get(1), "paakayttaja", "asian historia: tiedot: ", "pääkäyttäjä");
    assertEntry(log.get(2), "sanna", "tehtävän tiedot: ", "asiakastyö: Palvelutarpeen arviointi");
    assertEntry(log.get(3), "sanna", "tehtävän lomake: ", "asiakastyö: Palvelutarpeen arviointi");
    for (JsonNode entry : log.subList(1, 4)) {
      assertThat(entry.get("prosessi").asText()).isEqualTo(caseId);
      assertThat(entry.get("mita").asText()).contains("asiakasNimi").contains("henkilotunnus").contains("kotikunta")
          .doesNotContain("Aino").doesNotContain("010594"); // names of the data, never its values
    }
    assertThat(log.get(3).get("kayttajanNimi").asText()).isEqualTo("sanna Testi");
    for (int i = 1; i < log.size(); i++) {
      assertThat(OffsetDateTime.parse(log.get(i - 1).get("aika").asText()))
          .isAfterOrEqualTo(OffsetDateTime.parse(log.get(i).get("aika").asText()));
    }

    // the listing itself was logged: the next one shows it, and a client's request is logged as such
    List<JsonNode> again = list(hb(tiina).get(accessLog(caseKey) + "?asiakkaanPyynto=true"));
    assertThat(again).hasSize(5);
    assertEntry(again.get(0), "tiina", "lukuloki", "asiakkaan tarkastusoikeus (703/2023 11 §)");
    assertEntry(again.get(1), "tiina", "lukuloki", "tietosuojavalvonta");
    // the administrator may read the log too; their listing is logged like the officer's
    List<JsonNode> byAdmin = list(new Rest(hbApi(), "paakayttaja", ProductionLikeApplication.ADMIN_PASSWORD)
        .get(accessLog(caseKey)));
    assertEntry(byAdmin.get(0), "paakayttaja", "lukuloki", "tietosuojavalvonta");
  }

  @Test
  void tasklistsDoorIsLoggedLikeTheRestApis() throws Exception {
    Response start = HbCase.start(sanna, "Aino Asiakas");
    String caseKey = start.body().get("businessKey").asText();
    String task = HbCase.task(sanna, caseKey, "Task_Arviointi");

    SecurityIT.Browser tasklist = SecurityIT.Browser.loggedIn(port, "sanna", HbCase.PASSWORD);
    HttpResponse<String> form = tasklist.get("/api/engine/engine/default/task/" + task + "/form-variables");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);

    List<JsonNode> log = list(hb(tiina).get(accessLog(caseKey)));
    assertThat(log).hasSize(2);
    assertEntry(log.get(1), "sanna", "tehtävän lomake: ", "asiakastyö: Palvelutarpeen arviointi");
  }

  @Test
  void onlyTheOfficerAndTheAdministratorReadTheLogAndARefusalOrAnEmptyReadLeavesNoRow() throws Exception {
    Response start = HbCase.start(sanna, "Aino Asiakas");
    String caseKey = start.body().get("businessKey").asText();
    String caseId = start.body().get("id").asText();

    for (Rest other : List.of(sanna, jorma)) {
      Response refused = hb(other).get(accessLog(caseKey));
      assertThat(refused.status()).as(other.user).isEqualTo(403);
      assertThat(refused.body().get("virhe").asText())
          .isEqualTo("Lukulokia saavat katsoa vain tietosuojavastaava (ryhmä tietosuoja) ja pääkäyttäjä.");
    }
    Response unknown = hb(tiina).get(accessLog("HB-1999-999999"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("virhe").asText()).isEqualTo("Asiaa HB-1999-999999 ei löydy.");
    assertThat(hb(tiina).anonymousGet(accessLog(caseKey)).status()).isEqualTo(401);

    // the officer has no rights in the engine: the case's data is not theirs to read, and an empty answer is no read
    Response history = tiina.get("/history/variable-instance?processInstanceId=" + caseId);
    Response runtime = tiina.get("/process-instance/" + caseId + "/variables");
    for (Response r : List.of(history, runtime)) {
      assertThat(r.status() == 403 || r.status() == 200 && r.body().isEmpty()).as(r.text()).isTrue();
      assertThat(r.text()).doesNotContain("Aino");
    }

    List<JsonNode> log = list(hb(tiina).get(accessLog(caseKey)));
    assertThat(log).singleElement().satisfies(entry -> assertEntry(entry, "tiina", "lukuloki", "tietosuojavalvonta"));
  }

  @Test
  void theOfficerProducesTheClientsLogExtractOfTheReadsByNamedWorkersAndItIsLoggedItself() throws Exception {
    Response start = HbCase.start(sanna, "<script>alert(1)</script> Aino");
    assertThat(start.status()).as(start.text()).isEqualTo(200);
    String caseKey = start.body().get("businessKey").asText();
    String task = HbCase.task(sanna, caseKey, "Task_Arviointi");
    assertThat(sanna.get("/task/" + task + "/form-variables").status()).isEqualTo(200);
    assertThat(sanna.get("/task/" + task + "/variables").status()).isEqualTo(200);

    Response extract = hb(tiina).get(accessLog(caseKey) + "/extract?pyyntopaiva=" + LocalDate.now());
    assertThat(extract.status()).as(extract.text()).isEqualTo(200);
    String html = extract.text();
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"fi\">")
        .contains("<h1>Lokiote: kuka on käyttänyt tietojasi ja millä perusteella</h1>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; Aino").doesNotContain("<script>")
        .contains(caseKey)
        // sanna's two reads of the same step are one line, with her role and the basis in plain Finnish
        .contains("sanna Testi, sosiaalityöntekijä (tunnus sanna)")
        .contains("henkilö- ja yhteystietosi")
        .contains("703/2023 4 § 3 mom ja 9 § 1 mom").contains("Vaihe: Palvelutarpeen arviointi.")
        // producing the extract is a use of its own, by the officer, for the client's request
        .contains("tiina Testi, tietosuojavastaava (tunnus tiina)").contains("Oma pyyntösi")
        .contains("Tällä ajanjaksolla tietojasi ei ole luovutettu.");
    assertThat(html.split("sanna Testi, sosiaalityöntekijä", -1)).hasSize(2);

    List<JsonNode> log = list(hb(tiina).get(accessLog(caseKey)));
    assertEntry(log.get(1), "tiina", "lokiote: asiakasNimi", "asiakkaan tarkastusoikeus (703/2023 11 §)");
    assertThat(log.get(1).get("ryhmat").get(0).asText()).isEqualTo(Roles.DATA_PROTECTION);
    assertThat(log.get(2).get("ryhmat").get(0).asText()).isEqualTo(Roles.SOCIAL_WORK);

    Response text = hb(tiina).get(accessLog(caseKey) + "/extract?muoto=teksti");
    assertThat(text.status()).as(text.text()).isEqualTo(200);
    assertThat(text.text()).startsWith("Lokiote: kuka on käyttänyt tietojasi").contains("- Milloin: ");
  }

  @Test
  void theExtractIsRefusedToOthersAndForBadOrTooOldPeriods() throws Exception {
    Response start = HbCase.start(sanna, "Aino Asiakas");
    String caseKey = start.body().get("businessKey").asText();
    String extract = accessLog(caseKey) + "/extract";

    for (Rest other : List.of(sanna, jorma)) {
      Response refused = hb(other).get(extract);
      assertThat(refused.status()).as(other.user).isEqualTo(403);
      assertThat(refused.body().get("virhe").asText()).startsWith("Lukulokia saavat katsoa vain tietosuojavastaava");
      assertThat(refused.text()).doesNotContain("Aino");
    }
    Response unknown = hb(tiina).get(accessLog("HB-1999-999999") + "/extract");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("virhe").asText()).isEqualTo("Asiaa HB-1999-999999 ei löydy.");
    assertThat(hb(tiina).anonymousGet(extract).status()).isEqualTo(401);

    String older = LocalDate.now().minusYears(3).toString();
    for (String bad : List.of("?alku=2.3.2026", "?muoto=pdf", "?tuntematon=1", "?alku=" + older,
        "?alku=" + older + "&erityinenSyy=lyhyt", "?loppu=" + LocalDate.now().plusDays(1),
        "?alku=" + LocalDate.now() + "&loppu=" + LocalDate.now().minusDays(1),
        "?erityinenSyy=" + "x".repeat(1001))) {
      Response refused = hb(tiina).get(extract + bad);
      assertThat(refused.status()).as(bad + ": " + refused.text()).isEqualTo(400);
      assertThat(refused.body().get("virhe").asText()).as(bad).isNotBlank().doesNotContain("Exception");
    }
    Response tooOld = hb(tiina).get(extract + "?alku=" + older);
    assertThat(tooOld.body().get("virhe").asText()).contains("erityisestä syystä").contains("703/2023 11 § 2 mom");

    Response withReason = hb(tiina).get(extract + "?alku=" + older + "&erityinenSyy="
        + java.net.URLEncoder.encode("Asiakas epäilee väärinkäyttöä", java.nio.charset.StandardCharsets.UTF_8));
    assertThat(withReason.status()).as(withReason.text()).isEqualTo(200);
    assertThat(withReason.text()).contains("Asiakas epäilee väärinkäyttöä")
        .contains("Ote kattaa myös yli kaksi vuotta vanhoja tietoja");

    // only the produced extract is a row: the refusals and the bad requests left none
    List<JsonNode> log = list(hb(tiina).get(accessLog(caseKey)));
    assertThat(log).hasSize(2);
    assertEntry(log.get(1), "tiina", "lokiote", "asiakkaan tarkastusoikeus (703/2023 11 §)");
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  private String hbApi() {
    return "http://localhost:" + port + "/hbflow/api";
  }

  /** The same worker on HB Flow's own API. */
  private Rest hb(Rest worker) {
    return new Rest(hbApi(), worker.user, HbCase.PASSWORD);
  }

  private static String accessLog(String caseKey) {
    return "/cases/" + caseKey + "/access-log";
  }

  private List<JsonNode> list(Response response) {
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    response.body().forEach(entries::add);
    return entries;
  }

  private static void assertEntry(JsonNode entry, String user, String whatStarts, String purpose) {
    assertThat(entry.get("kayttaja").asText()).as(entry.toString()).isEqualTo(user);
    assertThat(entry.get("mita").asText()).as(entry.toString()).startsWith(whatStarts);
    assertThat(entry.get("tarkoitus").asText()).as(entry.toString()).isEqualTo(purpose);
    assertThat(entry.get("aika").asText()).isNotBlank();
    assertThat(entry.has("asia")).isTrue();
  }
}
