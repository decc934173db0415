package fi.hbflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.engine.DmnTables;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Tests' way to add an area's own row to the routing table {@code hb-tehtavien-reititys}, as a process owner would, and
 * to ask the latest table which groups a task of a client from a municipality goes to.
 */
public final class AreaRows {

  private AreaRows() {
  }

  /**
   * Deploys a new version of the routing table with one more row, first: {@code task} from the municipalities
   * {@code municipalities} (a FEEL list of strings) goes to {@code group} — what a process owner does in Modeler.
   */
  public static String deploy(ProcessEngine engine, String task, String municipalities, String group) {
    String table;
    try (java.io.InputStream in = AreaRows.class.getClassLoader()
        .getResourceAsStream("processes/hb-tehtavien-reititys.dmn")) {
      table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String row = "<rule id=\"Alue_1\">"
        + "<inputEntry id=\"Alue_1_tehtava\"><text>\"" + task + "\"</text></inputEntry>"
        + "<inputEntry id=\"Alue_1_kotikunta\"><text>" + municipalities.replace("\"", "&quot;") + "</text></inputEntry>"
        + "<outputEntry id=\"Alue_1_ryhmat\"><text>\"" + group + "\"</text></outputEntry>"
        + "<outputEntry id=\"Alue_1_maaraika\"><text>\"ARVIOINTI_ALKAA\"</text></outputEntry>"
        + "<outputEntry id=\"Alue_1_perustelu\"><text>\"Alueen oma tiimi.\"</text></outputEntry></rule>\n      ";
    assertThat(table).contains("<rule id=\"Reititys_1\">");
    String withRow = table.replace("<rule id=\"Reititys_1\">", row + "<rule id=\"Reititys_1\">");
    return engine.getRepositoryService().createDeployment().name("alueen rivi")
        .addString("hb-tehtavien-reititys.dmn", withRow).deploy().getId();
  }

  /** The groups the latest routing table gives {@code task} of a client living in {@code municipality} (or none). */
  public static List<String> groups(DmnTables tables, String task, String municipality) {
    return TaskRoutingListener.groups(TaskRoutingListener.route(tables, task, municipality).getSingleResult()
        .getEntry("ryhmat"));
  }
}
