package fi.hbflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** What the dashboard takes from the models and forms: the order of the steps, the support models' names. */
class HbDashboardTest {

  @Test
  void theStepsOfTheServiceProcessInTheOrderACaseMeetsThem() throws Exception {
    BpmnModelInstance model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/hb-palveluprosessi.bpmn")) {
      model = Bpmn.readModelFromStream(in);
    }
    List<String> tasks = HbDashboard.inFlowOrder(model).stream().filter(n -> n instanceof UserTask)
        .map(FlowNode::getId).toList();
    assertThat(tasks).containsSubsequence("Task_Arviointi", "Task_Soveltuvuus", "Task_Tukisuunnitelma", "Task_Paatos",
        "Task_Tiedoksianto", "Task_OikaisuvaatimusAika", "Task_Oikaisuvaatimus", "Task_Toteutus", "Task_Seuranta");
    List<String> all = HbDashboard.inFlowOrder(model).stream().map(FlowNode::getId).toList();
    assertThat(all).containsSubsequence("Task_Soveltuvuus", "Call_TuenValinta", "Task_Tukisuunnitelma");
    assertThat(all).doesNotHaveDuplicates().hasSameSizeAs(model.getModelElementsByType(FlowNode.class));
  }

  @Test
  void theSupportModelsAsTheFormOffersThem() {
    assertThat(HbDashboard.supportModels()).containsEntry("VERTAISTUKI", "Vertaistuki")
        .containsKeys("LAHEISET", "HB_VASTUUHENKILO", "PALVELUOHJAAJA", "JARJESTO", "OSTETTU_TUKIPALVELU", "EI_TUKEA")
        .hasSize(7);
  }
}
