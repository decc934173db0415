package fi.hbflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.engine.DmnTables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import fi.hbflow.TestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The delegation rules ({@code hb-delegointisaannot}) and the task routing table ({@code hb-tehtavien-reititys}). */
@Deployment(resources = {"processes/hb-delegointisaannot.dmn", "processes/hb-tehtavien-reititys.dmn"})
class DecisionTablesTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;

  @ParameterizedTest(name = "{0} c/v, {1}, {2} -> {3}")
  @CsvSource({
      "3000000, HENKILOKOHTAINEN_APU, aikuinen, sosiaalityo",
      "3000001, HENKILOKOHTAINEN_APU, aikuinen, johtavat-sosiaalityontekijat",
      "10000000, HENKILOKOHTAINEN_APU, aikuinen, johtavat-sosiaalityontekijat",
      "10000001, HENKILOKOHTAINEN_APU, aikuinen, palvelupaallikot",
      "500000, VALMENNUS, lapsi, johtavat-sosiaalityontekijat",
      "500000, 'LIIKKUMISEN_TUKI,ASUMISEN_TUKI', ikaantynyt, johtavat-sosiaalityontekijat",
      "500000, 'HENKILOKOHTAINEN_APU,LAPSEN_ASUMISEN_TUKI', aikuinen, johtavat-sosiaalityontekijat",
      // an earlier case's code keeps its routing
      "500000, 'KULJETUSPALVELU,TUETTU_ASUMINEN', ikaantynyt, johtavat-sosiaalityontekijat",
      "500000, LIIKKUMISEN_TUKI, ikaantynyt, sosiaalityo",
      "500000, KULJETUSPALVELU, ikaantynyt, sosiaalityo",
      // esteettömän asumisen tuki (22 §) is not asumisen tuki (18 §), though its code contains the other's
      "500000, ESTEETTOMAN_ASUMISEN_TUKI, aikuinen, sosiaalityo",
      "20000000, ASUMISEN_TUKI, lapsi, palvelupaallikot"})
  void delegationRulesNameTheDecisionMaker(long annualCents, String serviceTypes, String ageGroup, String group) {
    DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey("hb-delegointisaannot")
        .variables(Map.of("vuosibudjettiSentit", annualCents, "palvelutyypit", serviceTypes, "ikaryhma", ageGroup))
        .evaluate();
    assertThat(result.getSingleResult().<String>getEntry("paattajaRyhma")).isEqualTo(group);
    assertThat(result.getSingleResult().<String>getEntry("delegointiPerustelu")).contains("delegointisääntö");
  }

  @Test
  void routingTableGivesEveryTaskAGroupAndUnknownTasksALeader() {
    DmnTables tables = new DmnTables(engine);
    assertThat(groups(tables, "Task_Arviointi")).containsExactly("sosiaalityo");
    assertThat(groups(tables, "Task_TuenValinta")).containsExactly("palveluohjaus", "hb-vastuuhenkilot");
    assertThat(groups(tables, "Task_Oikaisuvaatimus")).containsExactly("yksilojaosto");
    assertThat(groups(tables, "Task_Uusi")).containsExactly("johtavat-sosiaalityontekijat");
  }

  @Test
  void eachCaseTaskWithALegalClockNamesIt() {
    DmnTables tables = new DmnTables(engine);
    assertThat(clock(tables, "Task_Arviointi")).isEqualTo("ARVIOINTI_ALKAA");
    assertThat(clock(tables, "Task_OikaisuvaatimusAika")).isEqualTo("OIKAISUVAATIMUS");
    assertThat(clock(tables, "Task_Oikaisuvaatimus")).isEqualTo("OIKAISUVAATIMUKSEN_KASITTELY"); // HL 49 e §: urgent
    assertThat(clock(tables, "Task_Toteutus")).isEqualTo("TOTEUTUS");
  }

  private static String clock(DmnTables tables, String task) {
    return fi.hbflow.routing.TaskRoutingListener.route(tables, task, null).getSingleResult().getEntry("maaraika");
  }

  @Test
  void anAreaRowSendsTheAreasCasesToItsOwnTeamAndLeavesTheOthersToTheGeneralRow() {
    String areaDeployment = AreaRows.deploy(engine, "Task_Arviointi", "\"Imatra\",\"Ruokolahti\"", "sosiaalityo-imatra");
    try {
      DmnTables tables = new DmnTables(engine);
      assertThat(AreaRows.groups(tables, "Task_Arviointi", "Imatra")).containsExactly("sosiaalityo-imatra");
      assertThat(AreaRows.groups(tables, "Task_Arviointi", "Ruokolahti")).containsExactly("sosiaalityo-imatra");
      assertThat(AreaRows.groups(tables, "Task_Arviointi", "Lappeenranta")).containsExactly("sosiaalityo");
      assertThat(AreaRows.groups(tables, "Task_Arviointi", null)).containsExactly("sosiaalityo");
      assertThat(AreaRows.groups(tables, "Task_Soveltuvuus", "Imatra")).containsExactly("sosiaalityo");
    } finally {
      engine.getRepositoryService().deleteDeployment(areaDeployment, true);
    }
  }

  private static List<String> groups(DmnTables tables, String task) {
    return AreaRows.groups(tables, task, null);
  }
}
