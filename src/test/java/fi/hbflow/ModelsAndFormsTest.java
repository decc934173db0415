package fi.hbflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * What a process owner can break by editing {@code processes/} and {@code forms/} in the Modeler, caught before
 * deployment: a form reference without its form, a user task without a form, a Tasklist-startable process without a
 * start form, a model without history time to live.
 */
class ModelsAndFormsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyUserTaskAndStartEventHasAFormThatExistsWithThatId() throws Exception {
    for (File bpmn : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(bpmn);
      List<String> refs = new ArrayList<>();
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRef()).as("form of %s in %s", task.getId(), bpmn.getName()).isNotBlank();
        assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        refs.add(task.getCamundaFormRef());
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        // a process that workers start in Tasklist needs a start form; one the application starts is hidden there
        if (start.getParentElement() instanceof Process process && process.isCamundaStartableInTasklist()) {
          assertThat(start.getCamundaFormRef()).as("start form in %s", bpmn.getName()).isNotBlank();
          refs.add(start.getCamundaFormRef());
        }
      }
      for (String ref : refs) {
        Path form = Path.of("forms", ref + ".form");
        assertThat(form).as("form %s referenced by %s", ref, bpmn.getName()).exists();
        assertThat(JSON.readTree(form.toFile()).get("id").asText()).isEqualTo(ref);
      }
    }
  }

  @Test
  void everyProcessHasHistoryTimeToLiveAndTheModelersExecutionPlatform() throws Exception {
    for (File bpmn : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(bpmn);
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      }
      String xml = Files.readString(bpmn.toPath());
      assertThat(xml).contains("modeler:executionPlatform=\"Camunda Platform\"")
          .contains("modeler:executionPlatformVersion=\"7.24.0\"").contains("<bpmndi:BPMNDiagram");
    }
  }

  @Test
  void formsUseOnlyWhatThe724TasklistRendersAndNoDynamicLists() throws Exception {
    List<String> rendered = List.of("textfield", "textarea", "number", "datetime", "select", "radio", "checkbox",
        "checklist", "text", "html", "group", "spacer", "separator", "taglist");
    for (File file : files("forms", ".form")) {
      JsonNode form = JSON.readTree(file);
      assertThat(form.get("schemaVersion").asInt()).as(file.getName()).isLessThanOrEqualTo(16);
      components(form).forEach(c -> {
        assertThat(c.get("type").asText()).as("%s in %s", c.get("id"), file.getName()).isIn(rendered);
        assertThat(c.has("path")).as("Json-producing path in %s", file.getName()).isFalse();
      });
    }
  }

  private static Stream<JsonNode> components(JsonNode parent) {
    if (!parent.has("components")) {
      return Stream.empty();
    }
    List<JsonNode> all = new ArrayList<>();
    parent.get("components").forEach(c -> {
      all.add(c);
      components(c).forEach(all::add);
    });
    return all.stream();
  }

  private static List<File> files(String dir, String suffix) {
    File[] files = new File(dir).listFiles((d, name) -> name.endsWith(suffix));
    assertThat(files).as(dir).isNotEmpty();
    return List.of(files);
  }
}
