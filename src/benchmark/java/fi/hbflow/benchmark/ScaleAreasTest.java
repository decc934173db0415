package fi.hbflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.TestEngine;
import fi.hbflow.engine.DmnTables;
import fi.hbflow.routing.AreaRows;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The routing table the scale benchmark's {@code --areas} deploys: each area's clients to the area's own teams. */
class ScaleAreasTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;

  @Test
  void areaRowsSendTheAreasClientsToItsTeamsAndLeaveEverythingElseAsItWas() throws Exception {
    ScaleAreas areas = new ScaleAreas(3);
    String id = engine.getRepositoryService().createDeployment()
        .addString("hb-tehtavien-reititys.dmn", areas.routingTable()).deploy().getId();
    try {
      DmnTables tables = new DmnTables(engine);
      assertThat(groups(tables, "Task_Arviointi", "Vantaa")).containsExactly("sosiaalityo-vantaa");
      assertThat(groups(tables, "Task_TuenValinta", "Espoo"))
          .containsExactly("palveluohjaus-espoo", "hb-vastuuhenkilot");
      assertThat(groups(tables, "Task_Oikaisuvaatimus", "Espoo")).containsExactly("yksilojaosto");
      // a town of no area (the fourth), and tasks of no case, route as in the shipped table
      assertThat(groups(tables, "Task_Arviointi", "Porvoo")).containsExactly("sosiaalityo");
      assertThat(groups(tables, "Task_Arviointi", null)).containsExactly("sosiaalityo");
      assertThat(areas.municipality(0)).isEqualTo("Helsinki");
      assertThat(ScaleAreas.userOf("sosiaalityo-vantaa")).isEqualTo("sosiaalityontekija-vantaa");
      assertThat(ScaleAreas.userOf("yksilojaosto")).isEqualTo("jaosto");
      assertThat(ScaleAreas.filterOf("palveluohjaus-hameenlinna", Map.of())).isEqualTo("HB: Palveluohjaus (Hämeenlinna)");
    } finally {
      engine.getRepositoryService().deleteDeployment(id, true);
    }
  }

  private static List<String> groups(DmnTables tables, String task, String municipality) {
    return AreaRows.groups(tables, task, municipality);
  }
}
