package fi.hbflow.engine;

import java.util.Map;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;

/**
 * The engine's JUEL expressions (BPMN, DMN in JUEL, stored filters) with the names of {@code beans} only — HB's
 * process beans, never the whole Spring context — and every step behind {@link GuardedElResolver}. The resolvers are
 * the Spring engine's own ({@code SpringExpressionManager} with a beans map), plus the test mocks, which are empty
 * outside the model tests. An expression's value may not be the execution or the task itself ({@code ${execution}} as
 * an input parameter would make the engine's object a variable, serialized with all its getters or met by FEEL).
 */
public class RestrictedExpressionManager extends JuelExpressionManager {

  public RestrictedExpressionManager(Map<Object, Object> beans) {
    super(beans);
  }

  @Override
  public Expression createExpression(String expression) {
    ValueExpression value = createValueExpression(expression);
    return new JuelExpression(value, this, expression) {
      @Override
      public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
        Object result = super.getValue(variableScope, contextExecution);
        if (ExpressionPolicy.kind(result) == ExpressionPolicy.Kind.DELEGATE) {
          throw new ExpressionRefused();
        }
        return result;
      }
    };
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolvers = new CompositeELResolver();
    resolvers.add(new VariableScopeElResolver());
    resolvers.add(new VariableContextElResolver());
    if (beans != null) {
      resolvers.add(new ReadOnlyMapELResolver(beans));
    } else {
      resolvers.add(new MockElResolver()); // the model tests: their beans are test mocks
    }
    resolvers.add(new ArrayELResolver());
    resolvers.add(new ListELResolver());
    resolvers.add(new MapELResolver());
    resolvers.add(new BeanELResolver());
    return new GuardedElResolver(resolvers);
  }
}
