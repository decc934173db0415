package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.identity.Roles;
import fi.hbflow.production.Rest.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The worker actions between review dates over HTTP, as production runs (issue 21 item 7):
 * {@code /hbflow/api/cases/{businessKey}/review-now} and {@code /end}. The case's social workers may use them; anyone
 * else gets 403, a body outside its contract 400, a case that is not waiting (or already ended) 409 — and none of the
 * refusals stores anything.
 */
@ProductionLikeApplication
class CaseActionsIT {

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;

  Rest admin;
  Rest sanna;
  Rest leena;
  Rest pekka;
  Rest jorma;

  @BeforeEach
  void accounts() {
    HbCase.account(identityService, "sanna-ca", Roles.SOCIAL_WORK);
    HbCase.account(identityService, "leena-ca", Roles.LEADING_SOCIAL_WORKERS);
    HbCase.account(identityService, "pekka-ca", Roles.SERVICE_COORDINATION);
    HbCase.account(identityService, "jorma-ca", Roles.MANAGEMENT);
    admin = Rest.node(port, "paakayttaja", ProductionLikeApplication.ADMIN_PASSWORD);
    sanna = hb("sanna-ca");
    leena = hb("leena-ca");
    pekka = hb("pekka-ca");
    jorma = hb("jorma-ca");
  }

  private Rest hb(String user) {
    return new Rest("http://localhost:" + port + "/hbflow/api", user, HbCase.PASSWORD);
  }

  @Test
  void aSocialWorkerAsksForTheReviewNowAndNobodyElseCanNorWithABadBody() throws Exception {
    ProcessInstance hbCase = waitingForItsReview();
    String key = hbCase.getBusinessKey();
    String path = "/cases/" + key + "/review-now";

    Response anonymous = new Rest("http://localhost:" + port + "/hbflow/api", "", "").postRaw(path, "{}");
    assertThat(anonymous.status()).isIn(401);
    Response coordinator = pekka.post(path, Rest.JSON.valueToTree(Map.of("seurantaNytSyy", "Tarpeet muuttuivat.")));
    assertThat(coordinator.status()).as(coordinator.text()).isEqualTo(403);
    assertThat(coordinator.body().get("virhe").asText()).contains("sosiaalityöntekijät");
    assertThat(jorma.post(path, Rest.JSON.valueToTree(Map.of("seurantaNytSyy", "Tarpeet muuttuivat."))).status())
        .isEqualTo(403);

    Response extra = sanna.post(path, Rest.JSON.valueToTree(Map.of("seurantaNytSyy", "Tarpeet muuttuivat.",
        "hbTulos", "paattynyt")));
    assertThat(extra.status()).as(extra.text()).isEqualTo(400);
    assertThat(extra.body().get("virhe").asText()).contains("hbTulos");
    Response empty = sanna.post(path, Rest.JSON.valueToTree(Map.of("seurantaNytSyy", "")));
    assertThat(empty.status()).as(empty.text()).isEqualTo(400);
    assertThat(empty.body().get("virhe").asText()).contains("Seurannan aikaistamisen perustelu");
    Response tooLong = sanna.post(path, Rest.JSON.valueToTree(Map.of("seurantaNytSyy", "x".repeat(4001))));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(sanna.postRaw(path, "{\"seurantaNytSyy\": ").status()).isEqualTo(400);
    assertThat(sanna.postRaw(path, "").status()).isEqualTo(400);
    Response unknown = sanna.post("/cases/HB-1999-999998/review-now",
        Rest.JSON.valueToTree(Map.of("seurantaNytSyy", "Tarpeet muuttuivat.")));
    assertThat(unknown.status()).isEqualTo(404);

    // nothing of the refusals was stored and the case still waits for its review date
    assertThat(runtimeService.getVariable(hbCase.getId(), "seurantaNytSyy")).isNull();
    assertThat(runtimeService.getVariable(hbCase.getId(), "hbTulos")).isNull();
    assertThat(taskService.createTaskQuery().processInstanceId(hbCase.getId()).count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(hbCase.getId()).activityId("Timer_Seurantapaiva")
        .count()).isEqualTo(1);

    Response ok = sanna.post(path, Rest.JSON.valueToTree(Map.of("seurantaNytSyy", "Avustaja lopetti, tarpeet on katsottava.")));
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(taskService.createTaskQuery().processInstanceId(hbCase.getId()).taskDefinitionKey("Task_Seuranta")
        .count()).isEqualTo(1);
    assertThat(managementService.createJobQuery().processInstanceId(hbCase.getId()).activityId("Timer_Seurantapaiva")
        .count()).isZero();
    assertThat(runtimeService.getVariable(hbCase.getId(), "seurantaNytSyy"))
        .isEqualTo("Avustaja lopetti, tarpeet on katsottava.");
    assertThat(runtimeService.getVariable(hbCase.getId(), "seurantaNytPyytaja")).isEqualTo("sanna-ca");

    // the review is open now: a second request is a conflict and changes nothing
    Response again = leena.post(path, Rest.JSON.valueToTree(Map.of("seurantaNytSyy", "Uudelleen.")));
    assertThat(again.status()).as(again.text()).isEqualTo(409);
    assertThat(again.body().get("virhe").asText()).contains("ei odota seurantaa");
    assertThat(runtimeService.getVariable(hbCase.getId(), "seurantaNytSyy"))
        .isEqualTo("Avustaja lopetti, tarpeet on katsottava.");
  }

  @Test
  void aSocialWorkerEndsHbAtOnceWithAReasonFromTheFormAndOnlyOnce() throws Exception {
    String key = HbCase.started(HbCase.start(Rest.node(port, "sanna-ca", HbCase.PASSWORD), "Eero Esimerkki"));
    String caseId = runtimeService.createProcessInstanceQuery().processDefinitionKey(HbCase.PROCESS)
        .processInstanceBusinessKey(key).singleResult().getId();
    String path = "/cases/" + key + "/end";
    String yesterday = LocalDate.now(ZoneId.of("Europe/Helsinki")).minusDays(1).toString();
    String tomorrow = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(1).toString();

    assertThat(jorma.post(path, body("muutto", yesterday)).status()).isEqualTo(403);
    assertThat(pekka.post(path, body("muutto", yesterday)).status()).isEqualTo(403);
    Response badOption = sanna.post(path, body("kyllastyminen", yesterday));
    assertThat(badOption.status()).as(badOption.text()).isEqualTo(400);
    assertThat(badOption.body().get("virhe").asText()).contains("Päättymisen syy").contains("kuolema");
    Response future = sanna.post(path, body("muutto", tomorrow));
    assertThat(future.status()).as(future.text()).isEqualTo(400);
    assertThat(future.body().get("virhe").asText()).contains("tulevaisuudessa");
    Map<String, Object> extraKey = new LinkedHashMap<>(Map.of("paattymisenSyy", "muutto", "paattymisPaiva", yesterday,
        "hbTulos", "paattynyt"));
    Response extra = sanna.post(path, Rest.JSON.valueToTree(extraKey));
    assertThat(extra.status()).as(extra.text()).isEqualTo(400);
    assertThat(extra.body().get("virhe").asText()).contains("hbTulos");
    Response noDay = sanna.post(path, Rest.JSON.valueToTree(Map.of("paattymisenSyy", "muutto")));
    assertThat(noDay.status()).isEqualTo(400);
    assertThat(sanna.postRaw(path, "[]").status()).isEqualTo(400);
    Response unknown = sanna.post("/cases/HB-1999-999997/end", body("muutto", yesterday));
    assertThat(unknown.status()).isEqualTo(404);

    // the same message straight to the engine is refused to a worker: no rights on the case, no form for the values
    Rest engineRest = Rest.node(port, "sanna-ca", HbCase.PASSWORD);
    Response bare = engineRest.post("/message", Rest.JSON.valueToTree(Map.of("messageName", "HB_PAATTYY_HETI",
        "processInstanceId", caseId)));
    assertThat(bare.status()).as(bare.text()).isIn(400, 403);
    Response withValues = engineRest.post("/message", Rest.JSON.valueToTree(Map.of("messageName", "HB_PAATTYY_HETI",
        "processInstanceId", caseId, "processVariables", Map.of("paattymisenSyy", Map.of("value", "kuolema")))));
    assertThat(withValues.status()).as(withValues.text()).isIn(400, 403);

    // nothing of the refusals was stored; the case is where it was
    assertThat(runtimeService.getVariable(caseId, "paattymisenSyy")).isNull();
    assertThat(runtimeService.getVariable(caseId, "hbTulos")).isNull();
    assertThat(taskService.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Arviointi");

    Response ended = leena.post(path, body("asiakkaan_valinta", yesterday));
    assertThat(ended.status()).as(ended.text()).isEqualTo(200);
    assertThat(ended.body().get("avoimetSitoumuksetTeksti").asText()).contains("Ei avoimia sitoumuksia");
    assertThat(ended.body().get("tehtava").asText()).startsWith("HB:n päättäminen");
    assertThat(taskService.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Paattaminen");
    assertThat(runtimeService.getVariable(caseId, "paattymisenSyy")).isEqualTo("asiakkaan_valinta");
    assertThat(runtimeService.getVariable(caseId, "paattymisenKirjaaja")).isEqualTo("leena-ca");
    // what the answer showed is in the read-access log
    assertThat(jdbc.queryForList("select * from hb_lukuloki where user_id = 'leena-ca' and variable_names like '%avoimetSitoumuksetTeksti%'")).isNotEmpty();

    Response twice = sanna.post(path, body("kuolema", yesterday));
    assertThat(twice.status()).as(twice.text()).isEqualTo(409);
    assertThat(runtimeService.getVariable(caseId, "paattymisenSyy")).isEqualTo("asiakkaan_valinta");

    // once the case has ended: still a conflict, in Finnish
    Rest worker = Rest.node(port, "sanna-ca", HbCase.PASSWORD);
    HbCase.complete(worker, key, "Task_Paattaminen", Map.of("sitoumustenPaattaminen",
        "Ei avoimia sitoumuksia; asiakas palaa tavallisiin palveluihin."));
    Response afterEnd = sanna.post(path, body("kuolema", yesterday));
    assertThat(afterEnd.status()).isEqualTo(409);
    assertThat(afterEnd.body().get("virhe").asText()).contains("on jo päättynyt");
  }

  private static com.fasterxml.jackson.databind.JsonNode body(String reason, String day) {
    return Rest.JSON.valueToTree(Map.of("paattymisenSyy", reason, "paattymisPaiva", day,
        "paattymisenLisatiedot", "Asiakas ilmoitti puhelimessa."));
  }

  private ProcessInstance waitingForItsReview() {
    return HbCase.waitingForItsReview(runtimeService);
  }
}
