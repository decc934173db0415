package fi.hbflow.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.accesslog.Purposes;
import fi.hbflow.accesslog.ReadKind;
import fi.hbflow.research.Evaluations.Evaluation;
import fi.hbflow.research.Feedbacks.Feedback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The research export in the whole application (in-memory H2, demo users, a test pseudonym key): a development worker
 * gets one pseudonymised row per HB case, running and ended, with nothing that names the client and no free text;
 * others are refused; every export is logged.
 *
 * <p>Setup shortcut: the cases are opened with the real start form ({@code formService.submitStartForm}: business
 * key, age group and legal clocks come from the application), but their later steps are not worked through Tasklist:
 * the variables those steps would leave (dates, budget, support model, the evaluation and feedback lists) are set with
 * {@code runtimeService} — HbFlowApplicationIT carries a case through every form. One case is ended by a real
 * assessment ("not entitled"), so that an ended case is in the export too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:research-it;DB_CLOSE_DELAY=-1",
    "hbflow.demo-users.enabled=true",
    // the cases are opened weeks back, so their deadline watches are overdue; without a job executor they do not
    // write breach records into a case while the test ends it (a race the export does not need)
    "camunda.bpm.job-execution.enabled=false",
    "hbflow.research.pseudonym-key=" + ResearchExportIT.KEY})
class ResearchExportIT {

  static final String KEY = "test-key-research-it-0123456789";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final String NAME = "Aino Asiakas";
  static final String HETU = "010594Y9021";
  static final List<String> FREE_TEXTS = List.of("VAPAATEKSTI-ASIAKAS-7731", "VAPAATEKSTI-TYONTEKIJA-7732",
      "VAPAATEKSTI-PALAUTE-7733", "VAPAATEKSTI-HAVAINNOT-7734", "VAPAATEKSTI-MUU-7735", "VAPAATEKSTI-PERUSTELU-7736");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  FormService formService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  HistoryService historyService;
  @Autowired
  DataSource dataSource;

  static String running;
  static String ended;

  @BeforeEach
  void twoCases() {
    if (running != null) {
      return; // one setup for the class (the Spring context and its database are shared)
    }
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
    LocalDate opened = today.minusDays(20);

    ProcessInstance a = open(opened, "Lappeenranta");
    runtimeService.setVariable(a.getId(), "arvioinninAloituspaiva", opened.plusDays(3).toString());
    // a later re-assessment does not move the lead time against the legal clock: the first value counts
    runtimeService.setVariable(a.getId(), "arvioinninAloituspaiva", opened.plusDays(15).toString());
    Map<String, Object> later = new HashMap<>();
    later.put("hbSoveltuu", "kylla");
    later.put("soveltuvuudenPerustelut", FREE_TEXTS.get(5));
    later.put("tukimalli", "HB_VASTUUHENKILO");
    later.put("tukijanNimi", "Tuula Tukija");
    later.put("paatospaiva", opened.plusDays(10).toString());
    later.put("toteutuksenAloituspaiva", opened.plusDays(12).toString());
    later.put("vuosibudjettiSentit", 2_212_740L);
    later.put("budjettiKausiSentit", 2_212_740L);
    later.put("seurannanHavainnot", FREE_TEXTS.get(3));
    later.put(Evaluations.VARIABLE, Evaluations.of(null)
        .with(new Evaluation("soveltuvuus", opened.plusDays(5), "sosiaalityontekija", List.of("kehitysvamma", "muu"),
            FREE_TEXTS.get(4), List.of("osallisuus"), FREE_TEXTS.get(0), List.of("tuki"), FREE_TEXTS.get(1),
            FREE_TEXTS.get(0), FREE_TEXTS.get(1))).toValue());
    later.put(Feedbacks.VARIABLE, Feedbacks.of(null)
        .with(new Feedback(opened.plusDays(15), "sosiaalityontekija", false,
            Map.of("paatinItse", 5, "sainTuen", 4, "palvelutSopivat", 4, "tyytyvainen", 5), "asiakas_tuettuna",
            FREE_TEXTS.get(2))).toValue());
    later.put(Feedbacks.SATISFACTION_VARIABLE, 4.5);
    runtimeService.setVariables(a.getId(), later);
    running = a.getBusinessKey();

    ProcessInstance b = open(opened, "Rautjärvi");
    String assessment = taskService.createTaskQuery().processInstanceId(b.getId()).taskDefinitionKey("Task_Arviointi")
        .singleResult().getId();
    formService.submitTaskForm(assessment, Map.of("arvioinninAloituspaiva", opened.plusDays(9).toString(),
        "oikeusVammaispalveluihin", "ei", "arvioinninYhteenveto", FREE_TEXTS.get(3)));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(b.getId()).singleResult()
        .getEndTime()).isNotNull();
    ended = b.getBusinessKey();
  }

  private ProcessInstance open(LocalDate opened, String municipality) {
    Map<String, Object> start = new HashMap<>();
    start.put("asiakasNimi", NAME);
    start.put("henkilotunnus", HETU);
    start.put("kotikunta", municipality);
    start.put("puhelin", "+358 40 123 4567");
    start.put("osoite", "Koulukatu 1, Lappeenranta");
    start.put("vireilletulopaiva", opened.toString());
    start.put("tavallisetPalvelutEivatSovi", FREE_TEXTS.get(5));
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("hb-palveluprosessi")
        .latestVersion().singleResult().getId();
    return formService.submitStartForm(definition, start);
  }

  @Test
  void aDevelopmentWorkerGetsOnePseudonymisedRowPerCaseAndTheExportIsLogged() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    int logged = count(jdbc);

    HttpResponse<byte[]> response = get("kehittaja");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").containsIgnoringCase("utf-8");
    assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
    byte[] body = response.body();
    assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF); // UTF-8 byte order mark
    String csv = new String(body, StandardCharsets.UTF_8).substring(1);
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo(String.join(";", ResearchCsv.COLUMNS));
    assertThat(lines).hasSize(3); // the two HB cases; not their deadline watches (same business key, other process)

    Pseudonyms pseudonyms = new Pseudonyms(KEY);
    Map<String, String> a = row(lines, pseudonyms.of(running));
    Map<String, String> b = row(lines, pseudonyms.of(ended));
    assertThat(a).containsEntry("ikaryhma", "aikuinen").containsEntry("kuntaryhma", "Lappeenranta")
        .containsEntry("hbSoveltuu", "kylla").containsEntry("tukimalli", "HB_VASTUUHENKILO").containsEntry("hbTulos", "kesken")
        .containsEntry("paivatArvioinninAlkuun", "3").containsEntry("arviointiAlkoiMaaraajassa", "kylla")
        .containsEntry("paivatPaatokseen", "10").containsEntry("paatosMaaraajassa", "kylla")
        .containsEntry("paivatToteutukseen", "12").containsEntry("toteutusMaaraajassa", "kylla")
        .containsEntry("vuosibudjettiEur", "22127").containsEntry("arviointeja", "1")
        .containsEntry("toimintarajoite_kehitysvamma", "1").containsEntry("toimintarajoite_muu", "1")
        .containsEntry("toimintarajoite_liikunta", "0").containsEntry("hyoty_osallisuus", "1")
        .containsEntry("edellytys_tuki", "1").containsEntry("palautteita", "1")
        .containsEntry("palauteKa_paatinItse", "5,00").containsEntry("tyytyvaisyysViimeisin", "4,50");
    assertThat(b).containsEntry("kuntaryhma", "muu Etelä-Karjala").containsEntry("hbTulos", "ei_oikeutta")
        .containsEntry("paivatArvioinninAlkuun", "9").containsEntry("paatosMaaraajassa", "")
        .containsEntry("arviointeja", "");

    // nothing that names the client, no business key, no free text
    for (String forbidden : List.of(NAME, "Aino", "Asiakas", HETU, "010594", "Koulukatu", "358 40", "Tuula", running,
        ended, "HB-20", "Rautjärvi", "sosiaalityontekija")) {
      assertThat(csv).as("export contains %s", forbidden).doesNotContain(forbidden);
    }
    FREE_TEXTS.forEach(text -> assertThat(csv).doesNotContain(text).doesNotContain("VAPAATEKSTI"));

    // the pseudonyms are the same in the next export; each export is logged with who and how many
    String again = new String(get("prosessinomistaja").body(), StandardCharsets.UTF_8).substring(1);
    assertThat(again.split("\r\n")[1].split(";")[0]).isEqualTo(lines[1].split(";")[0]);
    assertThat(again).isEqualTo(csv);
    assertThat(count(jdbc)).isEqualTo(logged + 2);
    Map<String, Object> log = jdbc.queryForMap(
        "SELECT user_id, row_count, exported_at FROM hb_export_log ORDER BY id DESC LIMIT 1 OFFSET 1");
    assertThat(log.get("USER_ID")).isEqualTo("kehittaja");
    assertThat(((Number) log.get("ROW_COUNT")).intValue()).isEqualTo(2);
    assertThat(log.get("EXPORTED_AT")).isNotNull();
  }

  @Test
  void eachExportedCaseIsADisclosureInItsReadAccessLog() throws Exception {
    int before = disclosures(running).size();
    assertThat(get("kehittaja").statusCode()).isEqualTo(200);

    for (String caseKey : List.of(running, ended)) {
      List<JsonNode> rows = disclosures(caseKey);
      JsonNode latest = rows.get(0);
      assertThat(latest.get("kayttaja").asText()).isEqualTo("kehittaja");
      assertThat(latest.get("kayttajanNimi").asText()).isEqualTo("Kaisa Kehittäjä");
      assertThat(latest.get("tarkoitus").asText()).isEqualTo(Purposes.RESEARCH);
      assertThat(latest.get("prosessi").asText()).isNotBlank();
      // the variables the row was computed from; the export reads no name, henkilötunnus or free text
      assertThat(latest.get("mita").asText()).startsWith("luovutus: tutkimusaineisto (pseudonymisoitu): ")
          .contains("kotikunta").doesNotContain("asiakasNimi").doesNotContain("henkilotunnus");
    }
    // one row per export per case: the export's own reading of the history is not logged a second time
    assertThat(disclosures(running)).hasSize(before + 1);
    // 703/2023 10 § 3 mom: the recipient and the provision are logged; the client's extract lists the disclosure
    JsonNode latest = disclosures(running).get(0);
    assertThat(latest.get("vastaanottaja").asText()).isEqualTo(Purposes.RESEARCH_RECIPIENT);
    assertThat(latest.get("peruste").asText()).isEqualTo(Purposes.RESEARCH_BASIS);
    assertThat(latest.get("ryhmat").toString()).contains("\"kehittajat\"");
    HttpResponse<String> extract = officer("/hbflow/api/cases/" + running + "/access-log/extract?muoto=teksti");
    assertThat(extract.statusCode()).as(extract.body()).isEqualTo(200);
    String disclosed = extract.body().substring(extract.body().indexOf("Kenelle tietojasi on luovutettu"));
    assertThat(disclosed).contains("Kenelle: " + Purposes.RESEARCH_RECIPIENT).contains("Tutkimus ja kehittäminen.")
        .contains("Säännös: " + Purposes.RESEARCH_BASIS);
  }

  private HttpResponse<String> officer(String path) throws Exception {
    String basic = Base64.getEncoder().encodeToString("tietosuojavastaava:demo".getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The case's research-export rows in its read-access log, newest first, as the data-protection officer sees them. */
  private List<JsonNode> disclosures(String caseKey) throws Exception {
    String basic = Base64.getEncoder().encodeToString("tietosuojavastaava:demo".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> log = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/hbflow/api/cases/" + caseKey + "/access-log")).header("Authorization", "Basic " + basic).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
    List<JsonNode> rows = new ArrayList<>();
    new ObjectMapper().readTree(log.body()).forEach(row -> {
      if (row.get("mita").asText().startsWith(ReadKind.RESEARCH_EXPORT.label())) {
        rows.add(row);
      }
    });
    return rows;
  }

  @Test
  void aSocialWorkerOrTheAdministratorIsRefusedWithAFinnishMessageAndNothingIsLogged() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    int logged = count(jdbc);
    for (String user : List.of("sosiaalityontekija", "johtaja", "demo")) {
      HttpResponse<byte[]> refused = get(user);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("vain prosessinomistajille ja kehittäjille")
          .doesNotContain(NAME);
    }
    assertThat(count(jdbc)).isEqualTo(logged);
  }

  @Test
  void withoutAuthenticationTheFilterAnswers401() throws Exception {
    HttpResponse<byte[]> anonymous = HTTP.send(HttpRequest.newBuilder(uri()).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    String wrong = Base64.getEncoder().encodeToString("kehittaja:vaara".getBytes(StandardCharsets.UTF_8));
    assertThat(HTTP.send(HttpRequest.newBuilder(uri()).header("Authorization", "Basic " + wrong).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(401);
  }

  @Test
  void withoutAPseudonymKeyOrWithThePublicDevelopmentKeyInProductionNothingIsExported() {
    // the same controller as the application's, built without a key (a second application context would be slow)
    ResearchExportController noKey = new ResearchExportController(engine, dataSource, "", true);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    int logged = count(jdbc);
    engine.getIdentityService().setAuthentication("kehittaja", List.of("kehittajat"));
    try {
      ResponseEntity<?> answer = noKey.export();
      assertThat(answer.getStatusCode().value()).isEqualTo(503);
      assertThat(answer.getBody().toString()).contains("pseudonymisoinnin avainta").contains("hbflow.research.pseudonym-key");
      assertThat(new ResearchExportController(engine, dataSource, "lyhyt", true).export().getStatusCode().value())
          .isEqualTo(503);
      // the development key of application.yaml is public: refused outside the demo profile
      ResponseEntity<?> devKey = new ResearchExportController(engine, dataSource, Pseudonyms.DEV_KEY, false).export();
      assertThat(devKey.getStatusCode().value()).isEqualTo(503);
      assertThat(devKey.getBody().toString()).contains("kehitysavain");
      assertThat(new ResearchExportController(engine, dataSource, Pseudonyms.DEV_KEY, true).export().getStatusCode()
          .value()).isEqualTo(200);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(count(jdbc)).isEqualTo(logged + 1); // only the demo export with the development key
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  private static Map<String, String> row(String[] lines, String pseudonym) {
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(";", -1);
      if (cells[0].equals(pseudonym)) {
        assertThat(cells).hasSameSizeAs(ResearchCsv.COLUMNS);
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < cells.length; c++) {
          row.put(ResearchCsv.COLUMNS.get(c), cells[c]);
        }
        return row;
      }
    }
    throw new AssertionError("no row for pseudonym " + pseudonym);
  }

  private static int count(JdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM hb_export_log", Integer.class);
  }

  private HttpResponse<byte[]> get(String user) throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(uri()).header("Authorization", "Basic " + basic).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri() {
    return URI.create("http://localhost:" + port + "/hbflow/api/research/export.csv");
  }
}
