package fi.hbflow.caseflow;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.ProcessBeans;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;

/** Drives an HB case through the Java API the way workers do through Tasklist, for the model tests. */
public class HbCaseDriver {

  public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  /** The services of Vammaispalvelulaki 675/2023 6 § 1 mom: the fields {@code tarve_<CODE>} of the assessment form. */
  public static final List<String> SERVICE_TYPES = List.of("VALMENNUS", "HENKILOKOHTAINEN_APU",
      "ERITYINEN_OSALLISUUDEN_TUKI", "TUETTU_PAATOKSENTEKO", "VAATIVA_MONIAMMATILLINEN_TUKI", "ASUMISEN_TUKI",
      "LAPSEN_ASUMISEN_TUKI", "ESTEETTOMAN_ASUMISEN_TUKI", "LYHYTAIKAINEN_HUOLENPITO", "PAIVATOIMINTA",
      "KEHITYSVAMMAISTEN_TYOTOIMINTA", "LIIKKUMISEN_TUKI", "HENGITYSLAITTEEN_VARASSA_ELAVAN_TUKI");

  private final ProcessEngine engine;

  public HbCaseDriver(ProcessEngine engine) {
    this.engine = engine;
    AtomicLong numbers = new AtomicLong();
    ProcessBeans.processBeans(engine, year -> numbers.incrementAndGet()).forEach(Mocks::register);
    setClock(TODAY.atTime(10, 0));
  }

  /** Moves the engine clock (Finnish time). */
  public static void setClock(java.time.LocalDateTime finnishTime) {
    ClockUtil.setCurrentTime(Date.from(finnishTime.atZone(ZoneId.of("Europe/Helsinki")).toInstant()));
  }

  public static Map<String, Object> startForm() {
    Map<String, Object> v = new HashMap<>();
    v.put("asiakasNimi", "Aino Asiakas");
    v.put("henkilotunnus", "010594Y9021");
    v.put("kotikunta", "Lappeenranta");
    v.put("puhelin", "+358 40 123 4567");
    v.put("vireilletulopaiva", "2026-06-01");
    v.put("tavallisetPalvelutEivatSovi", "Asumispalvelun aikataulut eivät sovi opiskeluun ja työhön.");
    v.put("nykyisetPalvelut", "Kuljetuspalvelu");
    return v;
  }

  public static Map<String, Object> assessment(Object... needs) {
    Map<String, Object> v = new HashMap<>();
    v.put("arvioinninAloituspaiva", "2026-06-05");
    v.put("oikeusVammaispalveluihin", "kylla");
    v.put("budjettikaudenAlku", "2026-07-01");
    v.put("budjettikaudenPituusKk", 12);
    v.put("arvioinninYhteenveto", "Tarvitsee avustajan arkeen ja kuljetuksia opiskeluun.");
    // the form submits every field, an empty one as null (so an earlier need is cleared on a new assessment)
    for (String type : SERVICE_TYPES) {
      v.put("tarve_" + type, null);
    }
    for (int i = 0; i < needs.length; i += 2) {
      v.put("tarve_" + needs[i], needs[i + 1]);
    }
    return v;
  }

  /** The assessment of a client without the right to disability services: the form hides the budget period. */
  public static Map<String, Object> notEntitledAssessment() {
    Map<String, Object> v = assessment();
    v.put("oikeusVammaispalveluihin", "ei");
    v.remove("budjettikaudenAlku");
    v.remove("budjettikaudenPituusKk");
    return v;
  }

  /** The standard need: 40 h personal assistance and 18 trips a month, 1.7.2026–30.6.2027 = 22 127,40 €. */
  public static Map<String, Object> standardAssessment() {
    return assessment("HENKILOKOHTAINEN_APU", 40, "LIIKKUMISEN_TUKI", 18);
  }

  public static Map<String, Object> plan(String... rows) {
    Map<String, Object> v = new HashMap<>();
    v.put("tukisuunnitelmanTavoitteet", "Asiakas opiskelee ja käy töissä avustajan tuella.");
    for (int n = 1; n <= 8; n++) { // the form submits every row, an empty one as null
      v.put("suunnitelma" + n + "Mita", null);
      v.put("suunnitelma" + n + "Tuottaja", null);
      v.put("suunnitelma" + n + "EuroaKk", null);
    }
    for (int i = 0; i < rows.length; i += 3) {
      int n = i / 3 + 1;
      v.put("suunnitelma" + n + "Mita", rows[i]);
      v.put("suunnitelma" + n + "Tuottaja", rows[i + 1]);
      v.put("suunnitelma" + n + "EuroaKk", rows[i + 2]);
    }
    return v;
  }

  /** A decision; a grant without the immediate-enforcement order (unticked, with its reason): it waits for finality. */
  public static Map<String, Object> decision(String outcome) {
    Map<String, Object> v = new HashMap<>(Map.of("paatos", outcome, "paatospaiva", "2026-06-12",
        "paatoksenPerustelut", "Budjetti vastaa arvioitua tarvetta ja suunnitelma pysyy budjetissa."));
    if ("myonnetty".equals(outcome)) {
      v.put("hetiTaytantoon", false);
      v.put("hetiTaytantoonPerustelu", "Toteutus odottaa lainvoimaa: asiakas toivoo palvelujen alkavan vasta syksyllä.");
    }
    return v;
  }

  /** A grant ordered enforced at once (SHL 52 §), as the form pre-selects it. */
  public static Map<String, Object> grantEnforcedAtOnce() {
    Map<String, Object> v = decision("myonnetty");
    v.put("hetiTaytantoon", true);
    v.remove("hetiTaytantoonPerustelu");
    return v;
  }

  public static Map<String, Object> notification() {
    return Map.of("tiedoksiantopaiva", "2026-06-13", "tiedoksiantotapa", "posti");
  }

  /** Notified; no rectification request comes and the window (30 + 7 days by post) closes by its timer. */
  public void notifyAndLetTheWindowClose(ProcessInstance pi) {
    complete(pi, "Task_Tiedoksianto", notification());
    Job window = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("Boundary_OikaisuaikaPaattyi").singleResult();
    engine.getManagementService().executeJob(window.getId());
  }

  /** Notified; the client's rectification request arrives on paper and the worker records it. */
  public void notifyAndReceiveARectificationRequest(ProcessInstance pi) {
    complete(pi, "Task_Tiedoksianto", notification());
    complete(pi, "Task_OikaisuvaatimusAika", Map.of("oikaisuvaatimuksenSaapumispaiva", "2026-06-14",
        "oikaisuvaatimuksenSisalto", "Asiakas pyytää oikaisua: avustajatunnit eivät riitä."));
  }

  /** The ruling on a rectification request is notified to the client like the decision. */
  public static Map<String, Object> rulingNotification() {
    return Map.of("ratkaisunTiedoksiantopaiva", "2026-06-15", "ratkaisunTiedoksiantotapa", "posti");
  }

  public ProcessInstance open(Map<String, Object> startForm) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("hb-palveluprosessi").latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definitionId, startForm);
  }

  /** The one open task of the case: in the case itself or in the process it calls (the support-model choice). */
  public Task task(ProcessInstance pi, String taskKey) {
    List<Task> tasks = tasks(pi);
    assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(taskKey);
    return tasks.get(0);
  }

  public List<Task> tasks(ProcessInstance pi) {
    List<String> ids = new java.util.ArrayList<>(List.of(pi.getId()));
    engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list()
        .forEach(sub -> ids.add(sub.getId()));
    return engine.getTaskService().createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).list();
  }

  /** The open task of the case with this key, beside others (immediate enforcement: implementation and the window). */
  public Task taskAmong(ProcessInstance pi, String taskKey) {
    List<Task> tasks = tasks(pi).stream().filter(t -> taskKey.equals(t.getTaskDefinitionKey())).toList();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  public void completeAmong(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    engine.getFormService().submitTaskForm(taskAmong(pi, taskKey).getId(), variables);
    runJobs(pi);
  }

  public List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).sorted().toList();
  }

  public void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    engine.getFormService().submitTaskForm(task(pi, taskKey).getId(), variables);
    runJobs(pi);
  }

  /** Runs the asynchronous continuations (budget calculation, delegation rules) as the job executor would. */
  public void runJobs(ProcessInstance pi) {
    runJobs(pi.getId());
  }

  /** Runs the jobs that are due now (async continuations, timers whose time has come) of one process instance. */
  public void runJobs(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  public Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  /** Opens a case and carries it to the decision task with the standard need and a plan within the budget. */
  public ProcessInstance toDecision(Map<String, Object> assessment) {
    ProcessInstance pi = open(startForm());
    complete(pi, "Task_Arviointi", assessment);
    complete(pi, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla", "nykyistaVoiMuokata", "ei",
        "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata opiskelun aikatauluihin.")));
    complete(pi, "Task_TuenValinta", Map.of("tukimalli", "VERTAISTUKI", "tukijanNimi", "Ville Vertainen",
        "suostumusTietojenLuovutukseen", true, "tuenSisalto", "Suunnitelman laatiminen"));
    complete(pi, "Task_Tukisuunnitelma", plan("Henkilökohtainen avustaja", "Avustajapalvelu Oy", "1500,00",
        "Taksimatkat", "Taksi Etelä-Karjala", "300"));
    return pi;
  }

  /** Opens the case, grants it (waiting for finality), lets the window close and implements it on 15.6.2026. */
  public ProcessInstance toFollowUp(Map<String, Object> startForm) {
    ProcessInstance pi = open(startForm);
    complete(pi, "Task_Arviointi", standardAssessment());
    complete(pi, "Task_Soveltuvuus", fi.hbflow.research.ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla",
        "nykyistaVoiMuokata", "ei", "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")));
    complete(pi, "Task_TuenValinta", Map.of("tukimalli", "EI_TUKEA"));
    complete(pi, "Task_Tukisuunnitelma", plan("Henkilökohtainen avustaja", "Avustajapalvelu Oy",
        "1500,00", "Taksimatkat", "Taksi Etelä-Karjala", "300"));
    completeAmong(pi, "Task_Paatos", decision("myonnetty"));
    engine.getTaskService().complete(taskAmong(pi, "Task_Tiedoksianto").getId(), new HashMap<>(notification()));
    Job window = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("Boundary_OikaisuaikaPaattyi").singleResult();
    engine.getManagementService().executeJob(window.getId());
    Map<String, Object> implementation = new HashMap<>(Map.of("toteutuksenAloituspaiva", "2026-06-15",
        "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI", "suunnitelma2Jarjestamistapa", "PALVELUSETELI"));
    if (startForm.get("vireilletulopaiva").toString().compareTo("2025-01-01") < 0) {
      implementation.put("toteutuksenErityinenSyy", "Asia siirtyi uuteen järjestelmään vanhana hakemuksena.");
    }
    completeAmong(pi, "Task_Toteutus", implementation);
    return pi;
  }
}
