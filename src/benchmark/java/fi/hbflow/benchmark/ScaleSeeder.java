package fi.hbflow.benchmark;

import fi.hbflow.research.ResearchFixtures;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Seeds real HB cases through the engine's Java API (the job executor is off: the cases' due jobs are run here), each
 * step as the demo user of the group the task is routed to, with the values Tasklist's forms submit. Open cases stop
 * at varied steps (all user tasks of the service process, the support choice in its called process, the wait for the
 * first review), closed ones run to the end. These are the templates {@link ScaleCloner} copies.
 */
final class ScaleSeeder {

  /** The wait states of the service process in order; a seed stops before completing {@code STEPS[stage]}. */
  static final List<String> STEPS = List.of("Task_Arviointi", "Task_Soveltuvuus", "Task_TuenValinta",
      "Task_Tukisuunnitelma", "Task_Paatos", "Task_Tiedoksianto", "Task_OikaisuvaatimusAika", "Task_Oikaisuvaatimus",
      "Task_RatkaisunTiedoksianto", "Task_Toteutus", "Timer_Seurantapaiva", "Task_Seuranta");

  static final Map<String, String> USER_OF_GROUP = Map.of("sosiaalityo", "sosiaalityontekija",
      "palveluohjaus", "palveluohjaaja", "hb-vastuuhenkilot", "hbvastuuhenkilo",
      "johtavat-sosiaalityontekijat", "johtava", "palvelupaallikot", "palvelupaallikko", "yksilojaosto", "jaosto");

  static final List<String> NAMES = List.of("Aino", "Eero", "Helmi", "Ilmari", "Kerttu", "Lauri", "Martta", "Niilo",
      "Oona", "Pekka", "Siiri", "Toivo", "Ulla", "Veikko", "Venla", "Onni");
  static final List<String> SURNAMES = List.of("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Hämäläinen",
      "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Saarinen", "Salminen");
  static final List<String> MUNICIPALITIES = List.of("Lappeenranta", "Imatra", "Lemi", "Luumäki", "Miehikkälä",
      "Parikkala", "Rautjärvi", "Ruokolahti", "Savitaipale", "Taipalsaari");

  private final ProcessEngine engine;
  private final ScaleAreas areas;
  private final String definitionId;

  ScaleSeeder(ProcessEngine engine, ScaleAreas areas) {
    this.engine = engine;
    this.areas = areas;
    this.definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("hb-palveluprosessi").latestVersion().singleResult().getId();
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Helsinki"));
  }

  /**
   * Opens case number {@code i} and carries it to {@code stage} (an index of {@link #STEPS}, or STEPS.size() for an
   * ended case). Tasks of every third open case are claimed by the group's user (Tasklist's filter includes them).
   * Its business key.
   */
  String seed(int i, int stage) {
    ProcessInstance pi = as("sosiaalityontekija", "sosiaalityo",
        () -> engine.getFormService().submitStartForm(definitionId, startForm(i,
            areas.on() ? areas.municipality(i) : MUNICIPALITIES.get(i % MUNICIPALITIES.size()))));
    String key = pi.getBusinessKey();
    runJobs(key);
    int hours = switch (i % 3) {
      case 0 -> 40;   // about 22 000 €/year: the social worker decides
      case 1 -> 130;  // about 55 000 €/year: a leading social worker
      default -> 320; // over 100 000 €/year: the service manager
    };
    for (int s = 0; s < stage; s++) {
      String step = STEPS.get(s);
      if (step.equals("Timer_Seurantapaiva")) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
            .activityId("Timer_Seurantapaiva").singleResult();
        engine.getManagementService().executeJob(timer.getId());
      } else {
        complete(key, step, form(step, hours));
      }
      runJobs(key);
    }
    if (stage < STEPS.size() && i % 3 == 2) {
      for (Task t : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list()) {
        String group = groupOf(t);
        if (group != null) {
          String user = ScaleAreas.userOf(group);
          as(user, group, () -> {
            engine.getTaskService().claim(t.getId(), user);
            return null;
          });
        }
      }
    }
    return key;
  }

  private String groupOf(Task t) {
    for (IdentityLink l : engine.getTaskService().getIdentityLinksForTask(t.getId())) {
      if (l.getGroupId() != null && ScaleAreas.userOf(l.getGroupId()) != null) {
        return l.getGroupId();
      }
    }
    return null;
  }

  private void complete(String key, String taskKey, Map<String, Object> form) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(taskKey).list();
    if (tasks.size() != 1) {
      throw new IllegalStateException(key + ": expected one " + taskKey + ", found " + tasks.size());
    }
    Task task = tasks.get(0);
    String group = groupOf(task);
    String user = group == null ? "demo" : ScaleAreas.userOf(group);
    as(user, group, () -> {
      engine.getFormService().submitTaskForm(task.getId(), form);
      return null;
    });
  }

  private <T> T as(String user, String group, java.util.function.Supplier<T> work) {
    engine.getIdentityService().setAuthentication(user, group == null ? List.of() : List.of(group));
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Runs the due jobs (async continuations, due reminders) of the case's processes, as the job executor would. */
  void runJobs(String key) {
    for (int round = 0; round < 20; round++) {
      List<String> ids = new ArrayList<>();
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).list()
          .forEach(p -> ids.add(p.getId()));
      List<Job> jobs = new ArrayList<>();
      for (String id : ids) {
        jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(id).executable().list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  static Map<String, Object> startForm(int i, String municipality) {
    Map<String, Object> v = new HashMap<>();
    v.put("asiakasNimi", NAMES.get(i % NAMES.size()) + " " + SURNAMES.get((i / NAMES.size()) % SURNAMES.size()));
    v.put("henkilotunnus", "010594Y9021");
    v.put("kotikunta", municipality);
    v.put("puhelin", "+358 40 123 4567");
    v.put("vireilletulopaiva", today().minusDays(3).toString());
    v.put("tavallisetPalvelutEivatSovi", "Asumispalvelun aikataulut eivät sovi opiskeluun ja työhön.");
    return v;
  }

  static Map<String, Object> form(String step, int hours) {
    String today = today().toString();
    Map<String, Object> v = new LinkedHashMap<>();
    switch (step) {
      case "Task_Arviointi" -> {
        v.put("arvioinninAloituspaiva", today().minusDays(1).toString());
        v.put("oikeusVammaispalveluihin", "kylla");
        v.put("budjettikaudenAlku", today().withDayOfMonth(1).plusMonths(1).toString());
        v.put("budjettikaudenPituusKk", 12);
        v.put("arvioinninYhteenveto", "Tarvitsee avustajan arkeen ja kuljetuksia opiskeluun.");
        v.put("tarve_HENKILOKOHTAINEN_APU", hours);
        v.put("tarve_KULJETUSPALVELU", 18);
      }
      case "Task_Soveltuvuus" -> v.putAll(ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "kylla",
          "nykyistaVoiMuokata", "ei", "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata.")));
      case "Task_TuenValinta" -> {
        v.put("tukimalli", "VERTAISTUKI");
        v.put("tukijanNimi", "Ville Vertainen");
        v.put("suostumusTietojenLuovutukseen", true);
        v.put("tuenSisalto", "Suunnitelman laatiminen");
      }
      case "Task_Tukisuunnitelma" -> {
        v.put("tukisuunnitelmanTavoitteet", "Asiakas opiskelee ja käy töissä avustajan tuella.");
        v.put("suunnitelma1Mita", "Henkilökohtainen avustaja");
        v.put("suunnitelma1Tuottaja", "Avustajapalvelu Oy");
        v.put("suunnitelma1EuroaKk", "1000,00");
      }
      case "Task_Paatos" -> {
        v.put("paatos", "myonnetty");
        v.put("paatospaiva", today);
        v.put("paatoksenPerustelut", "Budjetti vastaa arvioitua tarvetta ja suunnitelma pysyy budjetissa.");
        v.put("hetiTaytantoon", false);
        v.put("hetiTaytantoonPerustelu", "Toteutus odottaa lainvoimaa: asiakas toivoo palvelujen alkavan vasta syksyllä.");
      }
      case "Task_Tiedoksianto" -> {
        v.put("tiedoksiantopaiva", today);
        v.put("tiedoksiantotapa", "posti");
      }
      case "Task_OikaisuvaatimusAika" -> {
        v.put("oikaisuvaatimuksenSaapumispaiva", today);
        v.put("oikaisuvaatimuksenSisalto", "Asiakas pyytää oikaisua: avustajatunnit eivät riitä.");
      }
      case "Task_Oikaisuvaatimus" -> {
        v.put("oikaisuvaatimuksenRatkaisu", "hylatty");
        v.put("oikaisuvaatimuksenPerustelut", "Päätös vastaa arvioitua tarvetta.");
      }
      case "Task_RatkaisunTiedoksianto" -> {
        v.put("ratkaisunTiedoksiantopaiva", today);
        v.put("ratkaisunTiedoksiantotapa", "posti");
      }
      case "Task_Toteutus" -> {
        v.put("toteutuksenAloituspaiva", today);
        v.put("suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI");
      }
      case "Task_Seuranta" -> v.putAll(ResearchFixtures.withEvaluationAndFeedback(Map.of("seurantapaiva", today,
          "seurannanHavainnot", "Asiakas muuttaa toiselle paikkakunnalle.", "seurannanTulos", "paatetaan",
          "paattymisenSyy", "muutto")));
      default -> throw new IllegalArgumentException(step);
    }
    return v;
  }
}
