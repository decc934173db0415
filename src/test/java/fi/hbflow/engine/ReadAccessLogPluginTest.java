package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hbflow.TestEngine;
import fi.hbflow.accesslog.CollectedReads;
import fi.hbflow.accesslog.ReadAccess;
import fi.hbflow.accesslog.ReadKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read-access log's engine side: every engine command or query that returns case variables to a logged-in user
 * leaves one row per case read, with who, which case (a called process: the key of the case that called it), what
 * and why; reads by code without a logged-in user, reads inside another command, failed reads and counts leave none;
 * and a list of many cases costs one look-up of their business keys.
 */
class ReadAccessLogPluginTest {

  static final ProcessEngine ENGINE = TestEngine.engine();
  static final String PROCESS = "hb-lukuloki-testi";
  static final String CHILD = "hb-lukuloki-lapsi";
  static final String MESSAGE = "LUKULOKI_VIESTI";
  static final String DMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="lukuloki-dmn" name="lukuloki" namespace="http://hbflow.fi/test">
        <decision id="lukuloki-paatos" name="Ikäryhmä" camunda:historyTimeToLive="1">
          <decisionTable id="taulu" hitPolicy="FIRST">
            <input id="ika" label="Ikä"><inputExpression id="ikaLauseke" typeRef="integer"><text>ika</text></inputExpression></input>
            <output id="ryhma" name="ryhma" typeRef="string" />
            <rule id="lapsi"><inputEntry id="alle18"><text>&lt; 18</text></inputEntry><outputEntry id="l"><text>"lapsi"</text></outputEntry></rule>
            <rule id="muut"><inputEntry id="kaikki"><text></text></inputEntry><outputEntry id="a"><text>"aikuinen"</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  final CollectedReads log = CollectedReads.MODEL_TESTS;
  final RuntimeService runtime = ENGINE.getRuntimeService();
  final TaskService tasks = ENGINE.getTaskService();
  final HistoryService history = ENGINE.getHistoryService();
  final IdentityService identity = ENGINE.getIdentityService();
  ProcessEngineConfigurationImpl configuration;
  String deployment;

  @BeforeEach
  void deploy() {
    configuration = (ProcessEngineConfigurationImpl) ENGINE.getProcessEngineConfiguration();
    BpmnModelInstance main = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .businessRuleTask("Paatos").camundaDecisionRef("lukuloki-paatos").camundaResultVariable("ikaryhma")
        .camundaMapDecisionResult("singleEntry")
        .userTask("Lomake").name("Testilomake").camundaFormField().camundaId("asiakasNimi").camundaType("string")
        .camundaFormFieldDone()
        // a listener that reads the case's variables inside the worker's command: not a read of its own
        .camundaTaskListenerDelegateExpression(TaskListener.EVENTNAME_COMPLETE, "${readingListener}")
        .intermediateCatchEvent("Viesti").message(MESSAGE)
        .callActivity("Lapsi").calledElement(CHILD).camundaIn("asiakasNimi", "asiakasNimi")
        .endEvent()
        .done();
    BpmnModelInstance child = Bpmn.createExecutableProcess(CHILD).camundaHistoryTimeToLive(1)
        .startEvent().userTask("LapsenTehtava").name("Lapsen tehtävä").endEvent().done();
    org.camunda.bpm.engine.test.mock.Mocks.register("readingListener", new ReadingListener());
    deployment = ENGINE.getRepositoryService().createDeployment()
        .addModelInstance(PROCESS + ".bpmn", main).addModelInstance(CHILD + ".bpmn", child)
        .addString("lukuloki.dmn", DMN).deploy().getId();
    if (identity.createUserQuery().userId("sanna").count() == 0) {
      User sanna = identity.newUser("sanna");
      sanna.setFirstName("Sanna");
      sanna.setLastName("Sosiaalityöntekijä");
      identity.saveUser(sanna);
    }
    log.clear();
  }

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    configuration.setAuthorizationEnabled(false);
    ENGINE.getRepositoryService().deleteDeployment(deployment, true);
    identity.deleteUser("sanna");
    log.clear();
  }

  /** Reads a variable of the case while the task completes: inside the worker's command. */
  public static class ReadingListener implements TaskListener {
    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {
      task.getProcessEngineServices().getRuntimeService().getVariable(task.getProcessInstanceId(), "henkilotunnus");
      task.getProcessEngineServices().getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).list();
    }
  }

  private String start(String key) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("asiakasNimi", "Aino Asiakas");
    variables.put("henkilotunnus", "010594Y9021");
    variables.put("ika", 34);
    return runtime.startProcessInstanceByKey(PROCESS, key, variables).getId();
  }

  private String task(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  private void asSanna() {
    identity.setAuthentication("sanna", List.of("sosiaalityo"));
  }

  @Test
  void aWorkerOpeningATaskFormOrReadingItsVariablesLeavesOneRowPerRead() {
    String instance = start("HB-2026-000901");
    String task = task(instance);
    asSanna();

    assertThat(ENGINE.getFormService().getTaskFormVariables(task)).containsKeys("asiakasNimi", "henkilotunnus");
    assertThat(log.all()).singleElement().satisfies(row -> {
      assertThat(row.userId()).isEqualTo("sanna");
      assertThat(row.userName()).isEqualTo("Sanna Sosiaalityöntekijä");
      assertThat(row.processInstanceId()).isEqualTo(instance);
      assertThat(row.businessKey()).isEqualTo("HB-2026-000901");
      assertThat(row.kind()).isEqualTo(ReadKind.TASK_FORM.label());
      assertThat(row.variableNames()).containsExactly("asiakasNimi", "henkilotunnus", "ika", "ikaryhma");
      assertThat(row.purpose()).isEqualTo("asiakastyö: Testilomake");
      assertThat(row.userGroups()).containsExactly("sosiaalityo"); // the role the client's extract names
      assertThat(row.what()).isEqualTo("tehtävän lomake: asiakasNimi, henkilotunnus, ika, ikaryhma");
    });

    log.clear();
    tasks.getVariables(task);
    tasks.getVariable(task, "henkilotunnus");
    tasks.getVariableTyped(task, "asiakasNimi");
    // a generated form's data carries its fields' values
    ENGINE.getFormService().getTaskFormData(task);
    assertThat(log.all()).extracting(ReadAccess::what).containsExactly(
        "tehtävän tiedot: asiakasNimi, henkilotunnus, ika, ikaryhma", "tehtävän tiedot: henkilotunnus",
        "tehtävän tiedot: asiakasNimi", "tehtävän lomake: asiakasNimi");
    assertThat(log.all()).allSatisfy(row -> assertThat(row.purpose()).isEqualTo("asiakastyö: Testilomake"));

    // nothing returned, nothing logged: a missing variable, the task's own (none), a count
    log.clear();
    assertThat(tasks.getVariable(task, "puuttuu")).isNull();
    assertThat(tasks.getVariablesLocal(task)).isEmpty();
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).count()).isEqualTo(4);
    assertThat(log.all()).isEmpty();
  }

  @Test
  void aCaseReadThroughItsExecutionOrAQueryIsLoggedWithTheKindOfAccess() {
    String instance = start("HB-2026-000902");
    identity.setAuthentication("demo", List.of(Groups.CAMUNDA_ADMIN));

    runtime.getVariables(instance);
    runtime.getVariable(instance, "henkilotunnus");
    runtime.getVariableTyped(instance, "ika");
    history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("asiakasNimi").singleResult();
    history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list();
    assertThat(log.all()).extracting(ReadAccess::what).containsExactly(
        "asian tiedot: asiakasNimi, henkilotunnus, ika, ikaryhma", "asian tiedot: henkilotunnus", "asian tiedot: ika",
        "asian historia: tiedot: asiakasNimi", "asian historia: muutokset: asiakasNimi, henkilotunnus, ika, ikaryhma");
    assertThat(log.all()).allSatisfy(row -> {
      assertThat(row.purpose()).isEqualTo("pääkäyttäjä");
      assertThat(row.businessKey()).isEqualTo("HB-2026-000902");
      assertThat(row.userName()).isNull(); // no such user in this engine: the identifier is logged all the same
    });

    // the decision table's inputs and outputs are values of the case; without them a decision instance holds none
    log.clear();
    history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list();
    assertThat(log.all()).isEmpty();
    history.createHistoricDecisionInstanceQuery().processInstanceId(instance).includeInputs().includeOutputs().list();
    assertThat(log.all()).singleElement().extracting(ReadAccess::what)
        .isEqualTo("päätöstaulun syötteet ja tulokset: Ikä, ryhma");
  }

  @Test
  void aListOfManyCasesIsOneRowPerCaseAndOneLookUpOfTheirKeys() {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      instances.add(start("HB-2026-0010" + (10 + i)));
    }
    String[] ids = instances.toArray(String[]::new);
    int unlogged = queries(() -> runtime.createVariableInstanceQuery().processInstanceIdIn(ids).list());
    asSanna();
    runtime.createVariableInstanceQuery().processInstanceIdIn(ids[0]).list(); // the user's name is now known
    log.clear();

    int logged = queries(() -> runtime.createVariableInstanceQuery().processInstanceIdIn(ids).list());
    assertThat(logged - unlogged).as("queries the log added").isEqualTo(1);
    assertThat(log.all()).hasSize(20).allSatisfy(row -> {
      assertThat(row.kind()).isEqualTo(ReadKind.VARIABLE_SEARCH.label());
      assertThat(row.variableNames()).containsExactly("asiakasNimi", "henkilotunnus", "ika", "ikaryhma");
      assertThat(row.purpose()).isEqualTo("asiakastyö");
    });
    Map<String, String> keys = new HashMap<>();
    log.all().forEach(row -> keys.put(row.processInstanceId(), row.businessKey()));
    for (int i = 0; i < 20; i++) {
      assertThat(keys).containsEntry(ids[i], "HB-2026-0010" + (10 + i));
    }
  }

  @Test
  void variablesReturnedOnCompletionOrToAMessageAreLoggedAndACalledProcessCarriesItsCallersKey() {
    String instance = start("HB-2026-000903");
    asSanna();

    // completed without variables in return: nothing read; the listener's reads inside the command: not logged
    tasks.complete(task(instance));
    assertThat(log.all()).isEmpty();

    runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey("HB-2026-000903").correlateWithResultAndVariables(true);
    assertThat(log.all()).singleElement().satisfies(row -> {
      assertThat(row.kind()).isEqualTo(ReadKind.RETURNED_ON_MESSAGE.label());
      assertThat(row.businessKey()).isEqualTo("HB-2026-000903");
      assertThat(row.variableNames()).contains("henkilotunnus");
    });

    // the called process has no business key of its own: its rows carry its caller's
    log.clear();
    String child = runtime.createProcessInstanceQuery().processDefinitionKey(CHILD).superProcessInstanceId(instance)
        .singleResult().getId();
    String childTask = task(child);
    tasks.getVariables(childTask);
    Map<String, Object> returned = tasks.completeWithVariablesInReturn(childTask, Map.of(), true);
    assertThat(returned).containsKey("asiakasNimi");
    assertThat(log.all()).hasSize(2).allSatisfy(row -> {
      assertThat(row.processInstanceId()).isEqualTo(child);
      assertThat(row.businessKey()).isEqualTo("HB-2026-000903");
      assertThat(row.purpose()).isEqualTo("asiakastyö: Lapsen tehtävä");
      assertThat(row.variableNames()).containsExactly("asiakasNimi");
    });
    assertThat(log.all().get(1).kind()).isEqualTo(ReadKind.RETURNED_ON_COMPLETION.label());
  }

  @Test
  void readsWithoutALoggedInUserFailedReadsAndRefusedReadsAreNotLogged() {
    String instance = start("HB-2026-000904");
    String task = task(instance);

    // the engine's own and the application's look-ups: no user
    tasks.getVariables(task);
    runtime.createVariableInstanceQuery().processInstanceIdIn(instance).list();
    history.createHistoricVariableInstanceQuery().processInstanceId(instance).list();
    assertThat(log.all()).isEmpty();

    asSanna();
    assertThatThrownBy(() -> tasks.getVariables("no-such-task")).isInstanceOf(ProcessEngineException.class);
    configuration.setAuthorizationEnabled(true);
    assertThatThrownBy(() -> tasks.getVariables(task)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.getVariables(instance)).isInstanceOf(AuthorizationException.class);
    // a query the user may not see returns nothing: nothing read
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).list()).isEmpty();
    assertThat(log.all()).isEmpty();
  }

  @Test
  void theCommandsItReadsHaveTheFieldsItReads() {
    ReadCommands.verify();
  }

  // --- counting the engine's queries -------------------------------------------------------------------------------

  private static final QueryCounter COUNTER = new QueryCounter();

  static {
    ((ProcessEngineConfigurationImpl) ENGINE.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration()
        .addInterceptor(COUNTER);
  }

  /** The SELECT statements the engine ran for {@code work} on this thread. */
  private static int queries(Runnable work) {
    COUNTER.counting.set(new AtomicInteger());
    try {
      work.run();
      return COUNTER.counting.get().get();
    } finally {
      COUNTER.counting.remove();
    }
  }

  @Intercepts({@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class})})
  static final class QueryCounter implements Interceptor {
    final ThreadLocal<AtomicInteger> counting = new ThreadLocal<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      AtomicInteger count = counting.get();
      if (count != null) {
        count.incrementAndGet();
      }
      return invocation.proceed();
    }

    @Override
    public void setProperties(Properties properties) {
    }
  }
}
