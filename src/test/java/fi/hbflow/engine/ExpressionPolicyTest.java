package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import fi.hbflow.support.SupportChangeStartListener;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@link ExpressionPolicy} and {@link GuardedElResolver}: the rules over objects, and JUEL expressions evaluated as
 * the engine evaluates them (its expression manager, a DMN's variables) without an engine.
 */
class ExpressionPolicyTest {

  /** An HB object (its class is in fi.hbflow) that leaks what it should not. */
  public static class Leaky {
    private final Object engine;

    Leaky(Object engine) {
      this.engine = engine;
    }

    public Object getEngine() {
      return engine;
    }

    public ClassLoader getLoader() {
      return Leaky.class.getClassLoader();
    }

    public String greet(Object whom) {
      return "hei " + whom;
    }
  }

  @Test
  void reflectionAndTheClassAreRefusedOnEveryObject() {
    for (Object any : List.of("abc", 1, List.of(), new SupportChangeStartListener(), Variables.createVariables())) {
      assertThat(ExpressionPolicy.mayUse(any, "getClass")).as("%s", any).isFalse();
      assertThat(ExpressionPolicy.mayUse(any, "class")).isFalse();
      assertThat(ExpressionPolicy.mayUse(any, "forName")).isFalse();
      assertThat(ExpressionPolicy.mayUse(any, "classLoader")).isFalse();
    }
    assertThat(ExpressionPolicy.mayUse("abc", "toUpperCase")).isTrue();
    assertThat(ExpressionPolicy.mayUse(String.class, "getName")).isFalse();
    assertThat(ExpressionPolicy.mayUse(Runtime.getRuntime(), "availableProcessors")).isFalse();
    assertThat(ExpressionPolicy.mayUse(new File("/"), "list")).isFalse();
  }

  @Test
  void dangerousObjectsCannotBeHeldWhateverGaveThem() throws Exception {
    for (Object held : List.of(String.class, Runtime.getRuntime(), new ProcessBuilder("true"), Thread.currentThread(),
        getClass().getClassLoader(), String.class.getMethod("length"), Object.class.getModule(), new File("/"),
        mock(ProcessEngine.class), mock(IdentityService.class), mock(RuntimeService.class),
        mock(ApplicationContext.class), mock(Environment.class), mock(DataSource.class))) {
      assertThat(ExpressionPolicy.mayHold(held)).as("%s", held).isFalse();
    }
    for (Object held : List.of("abc", 12, List.of("a"), Map.of("a", 1), java.time.LocalDate.now(),
        new java.util.Date(), Variables.createVariables(), new SupportChangeStartListener())) {
      assertThat(ExpressionPolicy.mayHold(held)).as("%s", held).isTrue();
    }
  }

  @Test
  void theExecutionAndTheTaskOfferTheirDelegateApiOnly() {
    DelegateExecution execution = mock(DelegateExecution.class);
    DelegateTask task = mock(DelegateTask.class);
    for (String allowed : List.of("setVariable", "getVariable", "variables", "processBusinessKey", "businessKey",
        "processInstance", "currentActivityId", "setVariableLocal", "removeVariable")) {
      assertThat(ExpressionPolicy.mayUse(execution, allowed)).as(allowed).isTrue();
    }
    for (String allowed : List.of("setVariable", "execution", "assignee", "addCandidateGroup", "name")) {
      assertThat(ExpressionPolicy.mayUse(task, allowed)).as(allowed).isTrue();
    }
    for (String refused : List.of("getProcessEngineServices", "processEngineServices", "processEngine",
        "getProcessEngine", "processEngineConfiguration", "bpmnModelInstance", "getBpmnModelElementInstance",
        "getClass", "processDefinition", "deleteCascade", "setProcessDefinition", "getCommandContext")) {
      assertThat(ExpressionPolicy.mayUse(execution, refused)).as(refused).isFalse();
      assertThat(ExpressionPolicy.mayUse(task, refused)).as(refused).isFalse();
    }
  }

  @Test
  void onlyHbObjectsAreGivenTheEngineObjects() {
    DelegateExecution execution = mock(DelegateExecution.class);
    SupportChangeStartListener bean = new SupportChangeStartListener();
    assertThat(ExpressionPolicy.mayPass(bean, execution)).isTrue();
    assertThat(ExpressionPolicy.mayPass(execution, execution)).isFalse();
    assertThat(ExpressionPolicy.mayPass(execution, bean)).isFalse();
    assertThat(ExpressionPolicy.mayPass(execution, List.of("a", execution))).isFalse();
    assertThat(ExpressionPolicy.mayPass(execution, "paattynyt")).isTrue();
    assertThat(ExpressionPolicy.mayPass(execution, null)).isTrue();
    assertThat(ExpressionPolicy.mayPass(execution, Map.of("a", List.of(1, 2)))).isTrue();
    assertThat(ExpressionPolicy.mayPass(bean, String.class)).isFalse();
  }

  @Test
  void juelExpressionsOfTheIssueAreRefusedAndTellNothing() {
    // the engine's usual resolvers answer the first one (the test engine's MockExpressionManager has Spring's set)
    MockExpressionManager open = new MockExpressionManager();
    assertThat(open.createValueExpression("${''.getClass().forName('java.lang.Runtime').getName()}")
        .getValue(open.createElContext(Variables.createVariables().asVariableContext()))).isEqualTo("java.lang.Runtime");

    for (String attack : List.of("${''.getClass().forName('java.lang.Runtime').getName()}",
        "${''.class.forName('java.lang.Runtime').getName()}", "${x.getClass().getClassLoader()}",
        "${x['class']}", "${x.class.name}", "${leaky.loader}", "${leaky.loader.parent}", "${leaky.engine}",
        "${leaky.engine.identityService}", "${leaky.getClass().getName()}", "${''.getClass()}")) {
      assertThatThrownBy(() -> evaluate(attack)).as(attack).isInstanceOf(ExpressionRefused.class)
          .message().doesNotContain("java.").doesNotContain("Runtime").doesNotContain("fi.hbflow");
    }
  }

  @Test
  void namesOutsideTheBeansAreUnknown() {
    for (String unknown : List.of("${environment.getProperty('spring.datasource.url')}", "${Runtime.getRuntime()}",
        "${applicationContext}", "${dataSource}", "${processEngine}", "${System.getenv()}")) {
      assertThatThrownBy(() -> evaluate(unknown)).as(unknown).isInstanceOf(PropertyNotFoundException.class)
          .message().doesNotContain("jdbc:");
    }
  }

  @Test
  void ordinaryExpressionsStillWork() {
    assertThat(evaluate("${x.toUpperCase()}")).isEqualTo("ABC");
    assertThat(evaluate("${x == 'abc' && luku > 2}")).isEqualTo(true);
    assertThat(evaluate("${lista[1]}")).isEqualTo("b");
    assertThat(evaluate("${kartta.avain}")).isEqualTo("arvo");
    assertThat(evaluate("${kartta['class']}")).isNull(); // a map's key, not a member
    assertThat(evaluate("${leaky.greet(x)}")).isEqualTo("hei abc");
    assertThat(evaluate("${lista.size()}")).isEqualTo(2);
  }

  static Object evaluate(String expression) {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("leaky", new Leaky(mock(ProcessEngine.class)));
    RestrictedExpressionManager manager = new RestrictedExpressionManager(beans);
    VariableMap variables = Variables.createVariables().putValue("x", "abc").putValue("luku", 3)
        .putValue("lista", List.of("a", "b")).putValue("kartta", Map.of("avain", "arvo"));
    return manager.createValueExpression(expression).getValue(manager.createElContext(variables.asVariableContext()));
  }
}
