package fi.hbflow.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.hbflow.TestDatabase;
import fi.hbflow.production.Rest.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two HB Flow nodes on one PostgreSQL database, as a cluster runs them: two JVMs of the production jar with the
 * {@code postgres} profile, each with its own web server and job executor, sharing nothing but the database.
 * <ul>
 *   <li>a case started through node A's REST API is worked on through node B's, and the other way round;</li>
 *   <li>timers that both job executors see fire exactly once each;</li>
 *   <li>two workers submitting the same task at the same moment through the two nodes: one is accepted (204), the other
 *   gets 409 with a Finnish message, and the case has exactly one completion;</li>
 *   <li>when node A stops, node B carries on with A's cases, its job executor included.</li>
 * </ul>
 * PostgreSQL only (the H2 run skips it): H2 in memory cannot be shared by two JVMs.
 */
class TwoNodesIT {

  static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @Test
  void twoNodesShareOnlyTheDatabase() throws Exception {
    assumeTrue(TestDatabase.postgres(), "two JVMs need a database server: PostgreSQL runs only");
    Map<String, String> environment = AppNode.productionEnvironment(TestDatabase.freshPostgresUrl("two_nodes"));

    // node A creates the schema on the empty database; node B starts on it (as a second replica would)
    try (AppNode a = AppNode.start("node-a", environment, "--camunda.bpm.generic-properties.properties.hostname=node-a");
         AppNode b = startAfter(a, environment)) {
      Rest adminA = a.admin();
      Rest sannaA = HbCase.createWorker(adminA, "sanna", "sosiaalityo");
      Rest samiA = HbCase.createWorker(adminA, "sami", "sosiaalityo");
      HbCase.createWorker(adminA, "pia", "palveluohjaus");
      Rest sannaB = b.as("sanna", HbCase.PASSWORD);
      Rest samiB = b.as("sami", HbCase.PASSWORD);
      Rest piaB = b.as("pia", HbCase.PASSWORD);
      Rest adminB = b.admin();

      // the history cleanup runs only in the nightly window of the production profile
      JsonNode cleanup = adminB.get("/history/cleanup/configuration").body();
      assertThat(localTime(cleanup.get("batchWindowStartTime").asText())).isEqualTo("22:00");
      assertThat(localTime(cleanup.get("batchWindowEndTime").asText())).isEqualTo("05:00");

      // a case started through node A is worked on through node B, and node A sees what B did
      List<String> races = new ArrayList<>();
      String firstCase = null;
      String firstCaseId = null;
      for (int round = 1; round <= 3; round++) {
        Response started = HbCase.start(sannaA, "Aino Asiakas " + round);
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        String caseKey = started.body().get("businessKey").asText();
        String caseId = started.body().get("id").asText();
        if (firstCase == null) {
          firstCase = caseKey;
          firstCaseId = caseId;
        }
        HbCase.complete(sannaB, caseKey, "Task_Arviointi", HbCase.assessment());
        String suitability = HbCase.awaitTask(sannaA, caseKey, "Task_Soveltuvuus", Duration.ofSeconds(10));

        // two social workers submit the same task at the same moment, one through each node
        Race race = race(caseKey, suitability, sannaA, samiB);
        races.add(race.answers());
        assertThat(adminA.get("/history/task?processInstanceId=" + caseId + "&taskDefinitionKey=Task_Soveltuvuus")
            .body()).hasSize(1).allSatisfy(t -> assertThat(t.get("deleteReason").asText()).isEqualTo("completed"));
        assertThat(adminA.get("/history/activity-instance?processInstanceId=" + caseId + "&activityId=Task_Soveltuvuus")
            .body()).hasSize(1);
        // the user operation log has the one completion, by the worker whose submission was accepted
        JsonNode completions = adminA.get("/history/user-operation?taskId=" + suitability + "&operationType=Complete")
            .body();
        assertThat(completions.findValuesAsText("operationId").stream().distinct()).hasSize(1);
        assertThat(completions.findValuesAsText("userId").stream().distinct()).containsExactly(race.winner());
        assertThat(adminB.get("/task?processInstanceBusinessKey=" + caseKey + "&taskDefinitionKey=Task_TuenValinta").body())
            .hasSize(1);
      }
      races.forEach(r -> System.out.println("[hbflow] two nodes, same task at the same moment: " + r));

      // timers: ten deadline watches whose reminder is due now; both job executors poll them, each fires once
      List<String> watches = new ArrayList<>();
      for (int n = 0; n < 10; n++) {
        watches.add(startWatch(n % 2 == 0 ? adminA : adminB, firstCaseId, firstCase, "kellotesti-" + n));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (reminders(adminA) < watches.size() && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      Thread.sleep(3000); // time for a second firing, were there one
      assertThat(reminders(adminA)).isEqualTo(watches.size());
      Map<String, Integer> firedOn = new TreeMap<>();
      for (String watch : watches) {
        JsonNode fired = adminB.get("/history/activity-instance?processInstanceId=" + watch
            + "&activityId=Timer_Muistutuspaiva").body();
        assertThat(fired).as("timer of %s", watch).hasSize(1);
        JsonNode jobs = adminB.get("/history/job-log?processInstanceId=" + watch + "&successLog=true").body();
        assertThat(jobs).as("successful timer jobs of %s", watch).hasSize(1);
        firedOn.merge(jobs.get(0).get("hostname").asText(), 1, Integer::sum);
      }
      assertThat(adminA.get("/incident/count").body().get("count").asInt()).isZero();
      System.out.println("[hbflow] two nodes: 10 reminder timers fired once each, on " + firedOn);

      // node A stops; node B carries on with the case A started, and B's job executor calculates its budget
      a.close();
      HbCase.complete(piaB, firstCase, "Task_TuenValinta", HbCase.support());
      HbCase.awaitTask(sannaB, firstCase, "Task_Tukisuunnitelma", Duration.ofSeconds(60));
    }
  }

  private static AppNode startAfter(AppNode first, Map<String, String> environment) throws Exception {
    try {
      first.awaitReady(Duration.ofSeconds(120));
      return AppNode.start("node-b", environment, "--camunda.bpm.generic-properties.properties.hostname=node-b")
          .awaitReady(Duration.ofSeconds(120));
    } catch (Exception | AssertionError e) {
      first.close();
      throw e;
    }
  }

  record Race(String winner, String answers) {
  }

  /** Both submit at once; exactly one is accepted. Who won, and what the two answered. */
  private static Race race(String caseKey, String taskId, Rest one, Rest other) throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> submitAt(together, one, taskId));
    CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> submitAt(together, other, taskId));
    Response r1 = first.get(60, TimeUnit.SECONDS);
    Response r2 = second.get(60, TimeUnit.SECONDS);
    List<Integer> statuses = List.of(r1.status(), r2.status());
    assertThat(statuses).as("%s: %s / %s", caseKey, r1.text(), r2.text()).containsOnlyOnce(204);
    Response refused = r1.status() == 204 ? r2 : r1;
    assertThat(refused.status()).as(refused.text()).isEqualTo(409); // a conflict, said so in Finnish
    assertThat(refused.body()).as("a JSON error with a message: %s", refused.text()).isNotNull();
    assertThat(refused.body().get("message").asText()).contains("Tehtävä on jo käsitelty");
    return new Race(r1.status() == 204 ? one.user : other.user, "node A (" + one.user + ") " + r1.status()
        + ", node B (" + other.user + ") " + r2.status() + ": " + refused.body().get("type").asText() + " - "
        + refused.body().get("message").asText());
  }

  private static Response submitAt(CyclicBarrier together, Rest user, String taskId) {
    try {
      together.await(30, TimeUnit.SECONDS);
      return HbCase.submit(user, taskId, HbCase.suitability());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a deadline watch on the case whose reminder date is already past and whose due date is a month away. */
  private static String startWatch(Rest admin, String caseId, String caseKey, String businessKey) throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Europe/Helsinki"));
    ObjectNode body = Rest.JSON.createObjectNode().put("businessKey", businessKey);
    ObjectNode v = body.putObject("variables");
    v.putObject("hbAsiaId").put("value", caseId);
    v.putObject("hbAsia").put("value", caseKey);
    v.putObject("asiakasNimi").put("value", "Aino Asiakas");
    v.putObject("maaraika").put("value", "KELLOTESTI");
    v.putObject("lainkohta").put("value", "testi");
    v.putObject("tayttyyKunMuuttuja").put("value", "kellotestiTaytetty");
    v.putObject("erapaivaTeksti").put("value", "kuukauden päästä");
    v.putObject("muistutus").put("value", now.minusSeconds(1).format(REST_DATE)).put("type", "Date");
    v.putObject("erapaiva").put("value", now.plusDays(30).format(REST_DATE)).put("type", "Date");
    v.putObject("ylitys").put("value", now.plusDays(30).format(REST_DATE)).put("type", "Date");
    Response started = admin.post("/process-definition/key/hb-maaraikavalvonta/start", body);
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    return started.body().get("id").asText();
  }

  private static int reminders(Rest admin) throws Exception {
    return admin.get("/task/count?processDefinitionKey=hb-maaraikavalvonta&taskDefinitionKey=Task_Muistutus"
        + "&processInstanceBusinessKeyLike=kellotesti-%25").body().get("count").asInt();
  }

  private static String localTime(String restDate) {
    return OffsetDateTime.parse(restDate, REST_DATE).atZoneSameInstant(ZoneId.of("Europe/Helsinki")).toLocalTime()
        .toString();
  }
}
