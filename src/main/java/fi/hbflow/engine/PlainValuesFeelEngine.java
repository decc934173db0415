package fi.hbflow.engine;

import java.util.Set;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The DMN engine's FEEL (Camunda's Scala FEEL engine, external Java functions off) seeing plain values only. FEEL
 * reads any other Java object it is given as a context whose methods it may call (getters, and any method by name),
 * which would reach {@code getClass()} and reflection from a variable holding, say, the execution or a deserialized
 * object. A variable or table input that is not a plain value (see {@link ExpressionPolicy#isPlain}) refuses the
 * evaluation instead. (FEEL turns an exception of a variable into a failure message of its own, so the refusal is
 * remembered here and thrown again as itself.)
 */
public class PlainValuesFeelEngine implements FeelEngine {

  private final FeelEngine delegate;

  public PlainValuesFeelEngine(FeelEngine delegate) {
    this.delegate = delegate;
  }

  @Override
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    PlainVariables plain = new PlainVariables(variables);
    try {
      return delegate.evaluateSimpleExpression(expression, plain);
    } catch (RuntimeException e) {
      throw plain.refused ? new ExpressionRefused() : e;
    }
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
    PlainVariables plain = new PlainVariables(variables);
    try {
      return delegate.evaluateSimpleUnaryTests(expression, inputVariable, plain);
    } catch (RuntimeException e) {
      throw plain.refused ? new ExpressionRefused() : e;
    }
  }

  /** The variables as FEEL asks for them, each checked when asked. */
  static final class PlainVariables implements VariableContext {
    private final VariableContext variables;
    volatile boolean refused;

    PlainVariables(VariableContext variables) {
      this.variables = variables;
    }

    @Override
    public TypedValue resolve(String name) {
      TypedValue value = variables.resolve(name);
      if (value != null && !ExpressionPolicy.isPlain(value.getValue())) {
        refused = true;
        throw new ExpressionRefused();
      }
      return value;
    }

    @Override
    public boolean containsVariable(String name) {
      return variables.containsVariable(name);
    }

    @Override
    public Set<String> keySet() {
      return variables.keySet();
    }
  }
}
