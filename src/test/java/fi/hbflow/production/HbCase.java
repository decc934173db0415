package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.production.Rest.Response;
import fi.hbflow.research.ResearchFixtures;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HB case driven through {@code /engine-rest} as the workers' Tasklist drives it (the forms' values). */
final class HbCase {

  static final String PROCESS = "hb-palveluprosessi";
  static final String PASSWORD = "Testi-salasana-1";

  private HbCase() {
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Helsinki"));
  }

  static Map<String, Object> startForm(String clientName) {
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("asiakasNimi", clientName);
    start.put("henkilotunnus", "010594Y9021");
    start.put("kotikunta", "Imatra");
    start.put("vireilletulopaiva", today().minusDays(3).toString());
    start.put("tavallisetPalvelutEivatSovi", "Asumispalvelun aikataulut eivät sovi työhön.");
    return start;
  }

  static Map<String, Object> assessment() {
    Map<String, Object> needs = new LinkedHashMap<>();
    needs.put("arvioinninAloituspaiva", today().minusDays(1).toString());
    needs.put("oikeusVammaispalveluihin", "kylla");
    needs.put("tarve_HENKILOKOHTAINEN_APU", 40);
    needs.put("tarve_LIIKKUMISEN_TUKI", 18);
    needs.put("budjettikaudenAlku", "2026-07-01");
    needs.put("budjettikaudenPituusKk", 12);
    needs.put("arvioinninYhteenveto", "Tarvitsee avustajan ja kuljetuksia.");
    return needs;
  }

  /** The suitability form with the research evaluation it carries (the values of the research tests). */
  static Map<String, Object> suitability() {
    return ResearchFixtures.forRest(ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla",
        "nykyistaVoiMuokata", "ei", "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")));
  }

  static Map<String, Object> support() {
    return Map.of("tukimalli", "VERTAISTUKI", "tukijanNimi", "Vertaistukija Ville", "suostumusTietojenLuovutukseen", true);
  }

  static Map<String, Object> plan() {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("tukisuunnitelmanTavoitteet", "Asiakas käy töissä avustajan tuella.");
    plan.put("suunnitelma1Mita", "Avustaja");
    plan.put("suunnitelma1Tuottaja", "Avustajapalvelu Oy");
    plan.put("suunnitelma1EuroaKk", "1800,00");
    return plan;
  }

  static Map<String, Object> decision() {
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("paatos", "myonnetty");
    decision.put("paatospaiva", today().toString());
    decision.put("paatoksenPerustelut", "Budjetti vastaa arvioitua tarvetta ja suunnitelma pysyy budjetissa.");
    decision.put("hetiTaytantoon", false);
    decision.put("hetiTaytantoonPerustelu", "Toteutus odottaa lainvoimaa: asiakas toivoo palvelujen alkavan vasta syksyllä.");
    return decision;
  }

  /** Submits the start form; 200 with the new case (id, businessKey) or the refusal. */
  static Response start(Rest worker, String clientName) throws Exception {
    return worker.post("/process-definition/key/" + PROCESS + "/submit-form", Rest.variables(startForm(clientName)));
  }

  /** The id of the case's open task {@code taskKey} visible to the user, or null. */
  static String task(Rest user, String caseKey, String taskKey) throws Exception {
    Response list = user.get("/task?processInstanceBusinessKey=" + caseKey + "&taskDefinitionKey=" + taskKey);
    assertThat(list.status()).as("task query as %s: %s", user.user, list.text()).isEqualTo(200);
    assertThat(list.body().size()).as("open %s tasks of %s", taskKey, caseKey).isLessThanOrEqualTo(1);
    return list.body().isEmpty() ? null : list.body().get(0).get("id").asText();
  }

  /** Waits for the task (the job executor works between some steps). */
  static String awaitTask(Rest user, String caseKey, String taskKey, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String id = task(user, caseKey, taskKey);
      if (id != null) {
        return id;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(taskKey + " of " + caseKey + " did not appear for " + user.user + " in " + timeout);
  }

  static Response submit(Rest user, String taskId, Map<String, Object> form) throws Exception {
    return user.post("/task/" + taskId + "/submit-form", Rest.variables(form));
  }

  /** Submits the step's form, which must be accepted (204). */
  static void complete(Rest user, String caseKey, String taskKey, Map<String, Object> form) throws Exception {
    String id = awaitTask(user, caseKey, taskKey, Duration.ofSeconds(60));
    Response done = submit(user, id, form);
    assertThat(done.status()).as("%s of %s as %s: %s", taskKey, caseKey, user.user, done.text()).isEqualTo(204);
  }

  /** A worker account in a group, made once through the engine (the production profile has no demo users). */
  static void account(org.camunda.bpm.engine.IdentityService identity, String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      org.camunda.bpm.engine.identity.User user = identity.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Testi");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(userId, groupId);
    }
  }

  /** The business key of a case the start answered (200). */
  static String started(Response start) {
    assertThat(start.status()).as(start.text()).isEqualTo(200);
    return start.body().get("businessKey").asText();
  }

  /** A worker account in a group (the production profile has no demo users): created by the administrator. */
  static Rest createWorker(Rest admin, String userId, String groupId) throws Exception {
    var body = Rest.JSON.createObjectNode();
    body.putObject("profile").put("id", userId).put("firstName", userId).put("lastName", "Testi")
        .put("email", userId + "@hbflow.invalid");
    body.putObject("credentials").put("password", PASSWORD);
    Response created = admin.post("/user/create", body);
    assertThat(created.status()).as("create user %s: %s", userId, created.text()).isIn(204, 200);
    Response member = admin.put("/group/" + groupId + "/members/" + userId, null);
    assertThat(member.status()).as("membership %s in %s: %s", userId, groupId, member.text()).isEqualTo(204);
    return admin.as(userId, PASSWORD);
  }

  /**
   * Setup shortcut: an HB case put straight into its review wait (a start at the review task, the values a follow-up
   * has, then moved to the wait), instead of carrying it through every step over HTTP (HbFlowApplicationIT does that).
   */
  static org.camunda.bpm.engine.runtime.ProcessInstance waitingForItsReview(
      org.camunda.bpm.engine.RuntimeService runtimeService) {
    org.camunda.bpm.engine.runtime.ProcessInstance pi = runtimeService.createProcessInstanceByKey(PROCESS)
        .businessKey("HB-2026-" + (900000 + (int) (Math.random() * 99999))).startBeforeActivity("Task_Seuranta")
        .execute();
    runtimeService.setVariables(pi.getId(), Map.of("asiakasNimi", "Ilona Integraatio", "vireilletulopaiva", "2026-01-02",
        "ikaryhma", "aikuinen", "erapaiva_SEURANTA", java.util.Date.from(LocalDate.now().plusMonths(3)
            .atStartOfDay(ZoneId.of("Europe/Helsinki")).toInstant())));
    runtimeService.createProcessInstanceModification(pi.getId()).cancelAllForActivity("Task_Seuranta")
        .startBeforeActivity("Gateway_SeurantaOdottaa").execute();
    return pi;
  }
}
