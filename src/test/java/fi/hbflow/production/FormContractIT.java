package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.hbflow.identity.Roles;
import fi.hbflow.production.Rest.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13's attacks on the forms, over HTTP as a worker's own account would send them — {@code /engine-rest}
 * ({@code submit-form}, {@code complete}, {@code start}) and Tasklist's own {@code /camunda/api/engine}: each is
 * refused with HTTP 400 (or 403) and a Finnish message, nothing is stored, no incident, the case where it was.
 * (The same Spring context as SecurityIT.)
 */
@ProductionLikeApplication
class FormContractIT {

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
    admin = Rest.node(port, "paakayttaja", ProductionLikeApplication.ADMIN_PASSWORD);
    sanna = admin.as("sanna", HbCase.PASSWORD);
    pia = admin.as("pia", HbCase.PASSWORD);
  }

  private void worker(String id, String group) {
    HbCase.account(identityService, id, group);
  }

  @Test
  void aPlanWithTheBudgetAndTheAgeGroupAddedIsRefusedOnEveryRoute() throws Exception {
    String caseKey = started(HbCase.start(sanna, "Aino Asiakas"));
    HbCase.complete(sanna, caseKey, "Task_Arviointi", HbCase.assessment());
    HbCase.complete(sanna, caseKey, "Task_Soveltuvuus", HbCase.suitability());
    HbCase.complete(pia, caseKey, "Task_TuenValinta", HbCase.support());
    String plan = HbCase.awaitTask(sanna, caseKey, "Task_Tukisuunnitelma", Duration.ofSeconds(30));
    String caseId = caseId(caseKey);
    String budget = admin.get("/process-instance/" + caseId + "/variables/budjettiKausiSentit").text();
    int variables = variableCount(caseId);

    Map<String, Object> forged = new LinkedHashMap<>(HbCase.plan());
    forged.put("suunnitelma1EuroaKk", "6000,00");
    forged.put("budjettiKausiSentit", 999_999_999L);
    forged.put("vuosibudjettiSentit", 100);
    forged.put("ikaryhma", "aikuinen");
    for (String route : new String[] {"/submit-form", "/complete", "/resolve"}) {
      Response refused = sanna.post("/task/" + plan + route, Rest.variables(forged));
      assertThat(refused.status()).as(route + ": " + refused.text()).isEqualTo(400);
      assertThat(refused.message()).as(route).startsWith("Lomaketta ei voitu tallentaa: Lomakkeessa ei ole kenttiä")
          .contains("'budjettiKausiSentit'", "'vuosibudjettiSentit'", "'ikaryhma'").doesNotContain("Cannot");
    }

    // Tasklist's own API (a logged-in session with its CSRF token) runs the same check
    SecurityIT.Browser tasklist = SecurityIT.Browser.loggedIn(port, "sanna", HbCase.PASSWORD);
    assertThat(tasklist.post("/api/engine/engine/default/task/" + plan + "/claim", "{\"userId\":\"sanna\"}", true)
        .statusCode()).isEqualTo(204);
    HttpResponse<String> viaTasklist = tasklist.post("/api/engine/engine/default/task/" + plan + "/submit-form",
        Rest.JSON.writeValueAsString(Rest.variables(forged)), true);
    assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(400);
    assertThat(viaTasklist.body()).contains("Lomakkeessa ei ole kenttiä").contains("budjettiKausiSentit");

    assertThat(HbCase.task(sanna, caseKey, "Task_Tukisuunnitelma")).isEqualTo(plan);
    assertThat(admin.get("/process-instance/" + caseId + "/variables/budjettiKausiSentit").text()).isEqualTo(budget);
    assertThat(variableCount(caseId)).isEqualTo(variables);
    assertThat(admin.get("/incident/count").body().get("count").asInt()).isZero();
    // the form as Tasklist sends it still goes through
    assertThat(HbCase.submit(sanna, plan, HbCase.plan()).status()).isEqualTo(204);
  }

  @Test
  void aStartThatSwitchesTheClocksOffOrCarriesMarkupOrAJsonNameStartsNothing() throws Exception {
    int casesBefore = caseCount();

    Map<String, Object> clocksOff = HbCase.startForm("Aino Asiakas");
    clocksOff.put("paatospaiva", HbCase.today().toString());
    clocksOff.put("arvioinninAloituspaiva", HbCase.today().toString());
    clocksOff.put("toteutuksenAloituspaiva", HbCase.today().toString());
    for (String route : new String[] {"/submit-form", "/start"}) {
      Response refused = sanna.post("/process-definition/key/" + HbCase.PROCESS + route, Rest.variables(clocksOff));
      assertThat(refused.status()).as(route + ": " + refused.text()).isEqualTo(400);
      assertThat(refused.message()).as(route).contains("'paatospaiva'", "'arvioinninAloituspaiva'",
          "'toteutuksenAloituspaiva'").doesNotContain("Cannot");
    }

    Map<String, Object> markup = HbCase.startForm("Aino Asiakas");
    markup.put("kotikunta", "<img src=x onerror=alert(1)>");
    Response municipality = sanna.post("/process-definition/key/" + HbCase.PROCESS + "/submit-form", Rest.variables(markup));
    assertThat(municipality.status()).isEqualTo(400);
    assertThat(municipality.message()).contains("Kotikunta: annettu arvo ei ole lomakkeen vaihtoehto")
        .doesNotContain("<img");

    ObjectNode jsonName = Rest.variables(HbCase.startForm("Aino Asiakas"));
    jsonName.with("variables").putObject("asiakasNimi").put("type", "Json").put("value", "{\"nimi\":\"Aino\"}");
    Response json = sanna.post("/process-definition/key/" + HbCase.PROCESS + "/submit-form", jsonName);
    assertThat(json.status()).as(json.text()).isEqualTo(400);
    assertThat(json.message()).contains("Asiakkaan nimi: arvon pitää olla tekstiä.");

    ObjectNode objectName = Rest.variables(HbCase.startForm("Aino Asiakas"));
    objectName.with("variables").putObject("asiakasNimi").put("type", "Object").put("value", "{}")
        .putObject("valueInfo").put("objectTypeName", "java.lang.ProcessBuilder")
        .put("serializationDataFormat", "application/json");
    Response object = sanna.post("/process-definition/key/" + HbCase.PROCESS + "/submit-form", objectName);
    assertThat(object.status()).as(object.text()).isEqualTo(400);
    assertThat(object.message()).contains("Asiakkaan nimi: tietotyyppi Object ei käy tähän kenttään.");

    // a padded text over the engine's 4 000 characters: a Finnish 400, not an English 500 from the database
    Map<String, Object> padded = HbCase.startForm("Aino Asiakas");
    padded.put("nykyisetPalvelut", "Kuljetuspalvelu" + " ".repeat(4000));
    Response tooLong = sanna.post("/process-definition/key/" + HbCase.PROCESS + "/submit-form",
        Rest.variables(padded));
    assertThat(tooLong.status()).as(tooLong.text()).isEqualTo(400);
    assertThat(tooLong.message()).contains("Nykyiset palvelut: enintään 4000 merkkiä (nyt 4015).");

    assertThat(caseCount()).isEqualTo(casesBefore);
  }

  @Test
  void aWorkerCannotStartACaseInTheMiddleOrSkipItsChecks() throws Exception {
    int casesBefore = caseCount();
    ObjectNode body = Rest.variables(Map.of("paattajaRyhma", "sosiaalityo"));
    body.putArray("startInstructions").addObject().put("type", "startBeforeActivity").put("activityId", "Task_Paatos");
    body.put("skipCustomListeners", true);
    Response refused = sanna.post("/process-definition/key/" + HbCase.PROCESS + "/start", body);
    assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    assertThat(refused.message()).contains("vain pääkäyttäjä");
    assertThat(caseCount()).isEqualTo(casesBefore);
  }

  private static String started(Response start) {
    return HbCase.started(start);
  }

  private int caseCount() throws Exception {
    return admin.get("/process-instance/count?processDefinitionKey=" + HbCase.PROCESS).body().get("count").asInt();
  }

  private String caseId(String caseKey) throws Exception {
    return admin.get("/process-instance?processDefinitionKey=" + HbCase.PROCESS + "&businessKey=" + caseKey).body()
        .get(0).get("id").asText();
  }

  private int variableCount(String caseId) throws Exception {
    return admin.get("/variable-instance/count?processInstanceIdIn=" + caseId).body().get("count").asInt();
  }
}
