package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fi.hbflow.TestEngine;
import fi.hbflow.support.SupportChangeStartListener;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The expression rules in the engine (the model tests' engine has {@link ModelSafetyPlugin} as the application has):
 * deployed DMN and BPMN that reach for Java reflection, Spring or the engine's services fail without effect, FEEL has
 * no external Java functions and sees plain values only, scripts and Java classes are refused at deployment, and a
 * deployment is logged with its author and diff.
 */
class ModelSafetyTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;
  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    engine.getIdentityService().clearAuthentication();
    Mocks.reset();
    if (engine.getIdentityService().createUserQuery().userId("hyokkaaja").count() > 0) {
      engine.getIdentityService().deleteUser("hyokkaaja");
    }
  }

  String deploy(String name, String resource, String content) {
    String id = engine.getRepositoryService().createDeployment().name(name).addString(resource, content).deploy()
        .getId();
    deployments.add(id);
    return id;
  }

  <T> T inCommand(java.util.function.Supplier<T> work) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> work.get());
  }

  @Test
  void theEngineUsesTheRestrictedExpressionsEverywhere() {
    ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(c.getExpressionManager()).isInstanceOf(RestrictedExpressionManager.class);
    assertThat(c.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(PlainValuesFeelEngine.class);
    assertThat(c.getScriptEngineResolver()).isInstanceOf(NoScriptEngines.class);
  }

  @Test
  void juelInADeployedTableCannotReachJavaOrSpring() {
    deploy("hyokkays", "hyokkays-runtime.dmn", HostileModels.dmn("hyokkays-runtime", "juel", HostileModels.RUNTIME));
    deploy("hyokkays", "hyokkays-env.dmn", HostileModels.dmn("hyokkays-env", "juel", HostileModels.ENVIRONMENT));

    Throwable runtime = catchThrowable(() -> engine.getDecisionService().evaluateDecisionByKey("hyokkays-runtime")
        .evaluate());
    assertThat(runtime).isInstanceOf(ExpressionRefused.class);
    assertThat(runtime.getMessage()).doesNotContain("java.lang.Runtime").doesNotContain("getClass");

    Throwable environment = catchThrowable(() -> engine.getDecisionService().evaluateDecisionByKey("hyokkays-env")
        .evaluate());
    assertThat(environment).isNotNull();
    assertThat(environment.getMessage()).doesNotContain("jdbc:");

    // the same through DmnTables' own DMN engine (the prices, the routing), in an engine command as listeners call it
    deploy("hyokkays", "hyokkays-taulu.dmn", HostileModels.dmn("hyokkays-taulu", "juel", HostileModels.RUNTIME));
    assertThatThrownBy(() -> inCommand(() -> new DmnTables(engine).latest("hyokkays-taulu").evaluate(Map.of())))
        .isInstanceOf(ExpressionRefused.class);
  }

  @Test
  void juelStillDoesWhatTablesNeed() {
    deploy("juel", "juel-ok.dmn", HostileModels.dmn("juel-ok", "juel", "${nimi.toUpperCase()}"));
    assertThat(engine.getDecisionService().evaluateDecisionByKey("juel-ok").variables(Map.of("nimi", "imatra"))
        .evaluate().<Object>getSingleEntry()).isEqualTo("IMATRA");
    // Spin's JSON and the engine's date functions, as the README shows them
    deploy("juel", "juel-spin.dmn", HostileModels.dmn("juel-spin", "juel",
        "${S(json).prop('kunta').stringValue().concat(dateTime().plusDays(1).getYear() > 2000 ? '!' : '?')}"));
    assertThat(engine.getDecisionService().evaluateDecisionByKey("juel-spin")
        .variables(Map.of("json", "{\"kunta\": \"Imatra\"}")).evaluate().<Object>getSingleEntry())
        .isEqualTo("Imatra!");
  }

  @Test
  void feelHasNoExternalJavaFunctions() {
    deploy("feel", "feel-external.dmn", HostileModels.dmn("feel-external", null, HostileModels.FEEL_EXTERNAL));
    Throwable failure = catchThrowable(() -> engine.getDecisionService().evaluateDecisionByKey("feel-external")
        .evaluate());
    assertThat(failure).isNotNull(); // Camunda builds its FEEL engine with external functions disabled
    assertThat(System.getProperty(HostileModels.FEEL_EXTERNAL_PROPERTY)).isNull();
  }

  @Test
  void feelSeesPlainValuesOnly() {
    // FEEL itself reads a Java object's getters: given a File it answers with the file's path
    Object unguarded = new ScalaFeelEngineFactory().createInstance().evaluateSimpleExpression("x.absolutePath",
        Variables.createVariables().putValue("x", new File("/tmp")).asVariableContext());
    assertThat(unguarded).isEqualTo("/tmp");

    deploy("feel", "feel-object.dmn", HostileModels.dmn("feel-object", null, "x.absolutePath"));
    assertThatThrownBy(() -> engine.getDecisionService().evaluateDecisionByKey("feel-object")
        .variables(Map.of("x", new File("/tmp"))).evaluate()).isInstanceOf(ExpressionRefused.class);
    assertThatThrownBy(() -> inCommand(() -> new DmnTables(engine).latest("feel-object")
        .evaluate(Map.of("x", new File("/tmp")))))
        .isInstanceOf(ExpressionRefused.class).message().doesNotContain("/tmp").doesNotContain("java.io");
    // plain values as before
    assertThat(engine.getDecisionService().evaluateDecisionByKey("feel-object")
        .variables(Map.of("x", Map.of("absolutePath", "/koti"))).evaluate().<Object>getSingleEntry()).isEqualTo("/koti");
  }

  @Test
  void aProcessCannotReachTheEngineServices() {
    List<String> attacks = List.of(
        "${execution.processEngineServices.identityService.saveUser("
            + "execution.processEngineServices.identityService.newUser('hyokkaaja'))}",
        "${execution.getProcessEngineServices().getIdentityService().newUser('hyokkaaja')}",
        "${execution.processEngine.identityService}",
        "${execution.processInstance.processEngineServices}",
        "${execution.getClass().getClassLoader()}",
        "${execution.setVariable('x', execution)}",
        "${execution.setVariable('x', execution.processInstance)}");
    List<String> models = new ArrayList<>();
    for (int i = 0; i < attacks.size(); i++) {
      models.add(HostileModels.bpmn("hyokkays-" + i, attacks.get(i)));
    }
    // the execution itself as a variable (to be serialized with all its getters, or met by FEEL)
    models.add(HostileModels.bpmnWith("hyokkays-" + models.size(), "<bpmn:task id=\"Lauseke\"><bpmn:extensionElements>"
        + "<camunda:inputOutput><camunda:inputParameter name=\"x\">${execution}</camunda:inputParameter>"
        + "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>"));
    models.add(HostileModels.bpmnWith("hyokkays-" + models.size(), "<bpmn:task id=\"Lauseke\"><bpmn:extensionElements>"
        + "<camunda:inputOutput><camunda:outputParameter name=\"x\">${execution.processInstance}"
        + "</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>"));
    for (int i = 0; i < models.size(); i++) {
      String key = "hyokkays-" + i;
      deploy("hyokkays", key + ".bpmn", models.get(i));
      Throwable failure = catchThrowable(() -> engine.getRuntimeService().startProcessInstanceByKey(key, "HB-X"));
      assertThat(failure).as(models.get(i)).isInstanceOf(ExpressionRefused.class);
      assertThat(failure.getMessage()).doesNotContain("identityService").doesNotContain("org.camunda");
    }
    assertThat(engine.getIdentityService().createUserQuery().userId("hyokkaaja").count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("HB-X").count())
        .isZero();
  }

  @Test
  void theExpressionsHbModelsUseStillWork() {
    deploy("ok", "lauseke-ok.bpmn", HostileModels.bpmn("lauseke-ok", "${execution.setVariable(\"hbTulos\", "
        + "execution.processInstance.businessKey.concat('-').concat(execution.getVariable('kunta')))}"));
    String id = engine.getRuntimeService().startProcessInstanceByKey("lauseke-ok", "HB-1",
        Map.of("kunta", "Imatra")).getId();
    assertThat(engine.getRuntimeService().getVariable(id, "hbTulos")).isEqualTo("HB-1-Imatra");
  }

  @Test
  void scriptsAndJavaClassesAreRefusedAtDeployment() {
    for (String model : List.of(HostileModels.scriptTask("skripti"), HostileModels.scriptListener("skripti"),
        HostileModels.javaClass("skripti"))) {
      Throwable refused = catchThrowable(() -> deploy("skripti", "skripti.bpmn", model));
      assertThat(refused).isInstanceOf(NotValidException.class);
      assertThat(refused.getMessage()).startsWith("Käyttöönotto hylättiin").contains("'Lauseke'");
    }
    Throwable dmnScript = catchThrowable(() -> deploy("skripti", "skripti.dmn",
        HostileModels.dmn("skripti", "javascript", "1")));
    assertThat(dmnScript).isInstanceOf(NotValidException.class).hasMessageContaining("lausekekieli");
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("skripti").count()).isZero();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("skripti").count())
        .isZero();
  }

  @Test
  void aStoredFilterCannotCallHbBeans() {
    Mocks.register("legalClocks", new SupportChangeStartListener());
    TaskQuery query = engine.getTaskService().createTaskQuery().taskCandidateGroupExpression("${legalClocks}");
    Filter filter = engine.getFilterService().newTaskFilter("hyokkays").setQuery(query);
    engine.getFilterService().saveFilter(filter);
    try {
      assertThatThrownBy(() -> engine.getFilterService().list(filter.getId())).isInstanceOf(ExpressionRefused.class);
      // the functions Tasklist's filters use still work
      TaskQuery mine = engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}");
      Filter own = engine.getFilterService().newTaskFilter("omat").setQuery(mine);
      engine.getFilterService().saveFilter(own);
      engine.getIdentityService().setAuthenticatedUserId("olli");
      assertThat(engine.getFilterService().list(own.getId())).isEmpty();
      engine.getFilterService().deleteFilter(own.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getFilterService().deleteFilter(filter.getId());
    }
  }

  @Test
  void aDeploymentIsLoggedWithItsAuthorAndDiff() {
    Logger log = (Logger) LoggerFactory.getLogger("fi.hbflow.deployments");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level level = log.getLevel();
    log.setLevel(Level.INFO);
    log.addAppender(appender);
    try {
      engine.getIdentityService().setAuthenticatedUserId("olli");
      String first = deploy("Hinnat", "processes/loki-testi.dmn", HostileModels.dmn("loki-testi", null, "\"yksi\""));
      String second = deploy("Hinnat", "processes/loki-testi.dmn", HostileModels.dmn("loki-testi", null, "\"kaksi\""));
      List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).contains("Käyttöönotto 'Hinnat' (" + first + "), tekijä olli: processes/loki-testi.dmn uusi ("
          + HostileModels.dmn("loki-testi", null, "\"yksi\"").getBytes().length + " tavua)");
      assertThat(lines).anySatisfy(line -> assertThat(line)
          .startsWith("Käyttöönotto 'Hinnat' (" + second + "), tekijä olli: processes/loki-testi.dmn muuttui:\n"
              + "--- processes/loki-testi.dmn\t(käyttöönotto " + first + ")\n")
          .contains("\n-      <rule id=\"r\"><inputEntry id=\"e1\"><text>-</text></inputEntry><outputEntry id=\"e2\">"
              + "<text>&quot;yksi&quot;</text></outputEntry></rule>\n+")
          .contains("<text>&quot;kaksi&quot;</text>"));
      // a refused deployment is not logged
      int before = appender.list.size();
      catchThrowable(() -> deploy("skripti", "skripti.bpmn", HostileModels.scriptTask("skripti")));
      assertThat(appender.list).hasSize(before);
    } finally {
      log.detachAppender(appender);
      log.setLevel(level);
    }
  }
}
