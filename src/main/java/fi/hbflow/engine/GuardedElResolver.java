package fi.hbflow.engine;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The engine's EL resolver behind {@link ExpressionPolicy}: every identifier, property and method call of a JUEL
 * expression passes here before the engine's own resolvers (variables, beans, maps, lists, Java beans) answer it. A
 * refused step throws {@link ExpressionRefused}, whose message names neither the class nor any value.
 */
public class GuardedElResolver extends ELResolver {

  private final ELResolver delegate;

  public GuardedElResolver(ELResolver delegate) {
    this.delegate = delegate;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    checkBase(base, property);
    Object value = delegate.getValue(context, base, property);
    if (context.isPropertyResolved()) {
      checkValue(context, base, value);
    }
    return value;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base == null || !ExpressionPolicy.mayUse(base, String.valueOf(method))) {
      throw new ExpressionRefused();
    }
    if (params != null) {
      for (Object param : params) {
        if (!ExpressionPolicy.mayPass(base, param)) {
          throw new ExpressionRefused();
        }
      }
    }
    Object value = delegate.invoke(context, base, method, paramTypes, params);
    if (!ExpressionPolicy.mayHold(value)) {
      throw new ExpressionRefused();
    }
    return value;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    checkBase(base, property);
    return delegate.getType(context, base, property);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    checkBase(base, property);
    if (!(base == null ? ExpressionPolicy.isPlain(value) : ExpressionPolicy.mayPass(base, value))) {
      throw new ExpressionRefused();
    }
    delegate.setValue(context, base, property, value);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    checkBase(base, property);
    return delegate.isReadOnly(context, base, property);
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return Collections.emptyIterator();
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return delegate.getCommonPropertyType(context, base);
  }

  @Override
  public Object convertToType(ELContext context, Object value, Class<?> type) {
    return delegate.convertToType(context, value, type);
  }

  /**
   * A property of an object: the object must be one an expression may use, and the name (as the engine's bean
   * resolver would read it) one it may read. A map's keys and a list's or array's indexes are data, not members.
   */
  private static void checkBase(Object base, Object property) {
    if (base == null) {
      return;
    }
    if (base instanceof java.util.Map<?, ?> || base instanceof java.util.List<?> || base.getClass().isArray()) {
      ExpressionPolicy.Kind kind = ExpressionPolicy.kind(base);
      if (kind == ExpressionPolicy.Kind.DENIED || kind == ExpressionPolicy.Kind.OTHER) {
        throw new ExpressionRefused();
      }
      return;
    }
    if (!ExpressionPolicy.mayUse(base, String.valueOf(property))) {
      throw new ExpressionRefused();
    }
  }

  /**
   * What a step yields. HB's own beans only where a model runs (a process, a task, a decision); not in an expression
   * of a stored Tasklist filter or query, which any worker may write.
   */
  private static void checkValue(ELContext context, Object base, Object value) {
    if (!ExpressionPolicy.mayHold(value)) {
      throw new ExpressionRefused();
    }
    if (base == null && ExpressionPolicy.isHb(value)
        && context.getContext(VariableScope.class) == null && context.getContext(VariableContext.class) == null) {
      throw new ExpressionRefused();
    }
  }
}
