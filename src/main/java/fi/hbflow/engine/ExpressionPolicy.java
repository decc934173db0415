package fi.hbflow.engine;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BpmnModelExecutionContext;
import org.camunda.bpm.engine.delegate.CmmnModelExecutionContext;
import org.camunda.bpm.engine.delegate.DelegateCaseExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.externaltask.ExternalTask;

/**
 * What an expression of a deployed model (BPMN, DMN in JUEL, a stored filter) may touch. Plain rules over Java
 * objects; {@link GuardedElResolver} asks them at every step of an expression.
 *
 * <ul>
 *   <li><b>HB's own objects</b> (classes in {@code fi.hbflow}): the process beans and what they return. Any method,
 *   with any argument ({@code ${legalClocks.start(execution, 'SEURANTA')}}).</li>
 *   <li><b>The engine's delegate objects</b> ({@code execution}, {@code task}, {@code externalTask}): only the methods
 *   of their public delegate API ({@link DelegateExecution}, {@link DelegateTask}, {@link VariableScope} …), without
 *   those that reach the engine ({@code getProcessEngineServices}, {@code getProcessEngine}) or the parsed model; and
 *   only plain values as arguments ({@code ${execution.setVariable("hbTulos", "paattynyt")}}, not the execution
 *   itself).</li>
 *   <li><b>Plain values</b>: text, numbers, truth values, dates and times, collections and maps, Camunda's typed
 *   values, Spin's JSON/XML, Joda time: their methods, with plain values as arguments.</li>
 *   <li>Nothing else: no {@code getClass}/{@code class}, {@code forName}, class loaders, reflection, {@code Runtime},
 *   {@code ProcessBuilder}, {@code System}, threads, the engine's services and configuration, Spring's context,
 *   environment or data source — neither as an object to call nor as the value of a step.</li>
 * </ul>
 */
public final class ExpressionPolicy {

  /** Member names refused on every object, as a method or as a property (its getter). */
  static final Set<String> DENIED_MEMBERS = Set.of(
      "class", "getClass", "forName", "classLoader", "getClassLoader", "contextClassLoader", "getContextClassLoader",
      "setContextClassLoader", "module", "getModule", "declaringClass", "getDeclaringClass", "runtime", "getRuntime",
      "exec", "exit", "halt", "load", "loadLibrary", "newInstance", "invoke", "invokeExact", "setAccessible",
      "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields",
      "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
      "getDeclaredConstructors", "processEngineServices", "getProcessEngineServices", "processEngine",
      "getProcessEngine", "processEngineConfiguration", "getProcessEngineConfiguration", "applicationContext",
      "getApplicationContext", "environment", "getEnvironment", "getBean", "bean", "beanFactory", "getBeanFactory",
      "dataSource", "getDataSource", "connection", "getConnection", "mapTo", "unwrap", "dataFormat",
      "getDataFormat", "wait", "notify", "notifyAll", "finalize", "clone");

  /** Types an expression may never hold, whatever gave them: a step that yields one is refused. */
  static final List<Class<?>> DENIED_TYPES = List.of(Class.class, ClassLoader.class, Module.class, ModuleLayer.class,
      Runtime.class, ProcessBuilder.class, Process.class, ProcessHandle.class, Thread.class, ThreadGroup.class,
      java.lang.reflect.AccessibleObject.class, java.lang.reflect.Member.class,
      java.lang.reflect.Type.class, java.lang.invoke.MethodHandle.class, java.lang.invoke.MethodHandles.Lookup.class,
      java.io.File.class, java.nio.file.Path.class, java.nio.file.FileSystem.class, java.net.URL.class,
      java.net.URLConnection.class, java.net.Socket.class, javax.sql.DataSource.class, java.sql.Connection.class,
      java.sql.Statement.class, javax.script.ScriptEngine.class, javax.script.ScriptEngineManager.class,
      org.camunda.bpm.engine.ProcessEngineServices.class, org.camunda.bpm.engine.ProcessEngineConfiguration.class);

  /** Packages whose objects an expression may never hold. */
  static final List<String> DENIED_PACKAGES = List.of("java.lang.reflect.", "java.lang.invoke.", "java.io.",
      "java.nio.", "java.net.", "java.sql.", "javax.sql.", "javax.script.", "javax.naming.", "sun.", "jdk.",
      "com.sun.", "org.springframework.", "org.apache.ibatis.", "com.zaxxer.", "org.h2.", "org.postgresql.",
      "org.camunda.bpm.engine.impl.", "org.camunda.bpm.engine.spring.", "org.camunda.bpm.spring.",
      "org.camunda.bpm.webapp.", "org.camunda.bpm.engine.rest.", "org.camunda.bpm.dmn.engine.",
      "org.camunda.bpm.model.", "com.fasterxml.");

  /** Packages of plain values (exact package names, or a prefix ending with a dot). */
  static final List<String> VALUE_PACKAGES = List.of("java.time.", "org.joda.time.", "org.camunda.spin.",
      "org.camunda.bpm.engine.variable.");
  static final Set<String> VALUE_EXACT_PACKAGES = Set.of("java.time", "java.util", "java.util.concurrent",
      "java.math");
  static final Set<Class<?>> VALUE_LANG_TYPES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
      Short.class, Integer.class, Long.class, Float.class, Double.class, StringBuilder.class);
  /** java.util types that are not plain values. */
  static final Set<String> DENIED_UTIL = Set.of("java.util.ServiceLoader", "java.util.Scanner",
      "java.util.Timer", "java.util.ResourceBundle", "java.util.concurrent.Executors",
      "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ForkJoinPool");

  /** The public delegate API that {@code execution}, {@code task} and {@code externalTask} offer to expressions. */
  static final List<Class<?>> DELEGATE_TYPES = List.of(VariableScope.class, DelegateExecution.class,
      DelegateTask.class, DelegateCaseExecution.class, ExternalTask.class);
  static final Set<String> DELEGATE_API = delegateApi();

  private ExpressionPolicy() {
  }

  /**
   * What kind of object a step of an expression is: HB's own, the engine's delegate, a plain value, another object
   * (held, passed on, never used), or one never to be held.
   */
  enum Kind { HB, DELEGATE, VALUE, OTHER, DENIED }

  /** The kind depends on the class only: worked out once per class. */
  private static final ClassValue<Kind> KINDS = new ClassValue<>() {
    @Override
    protected Kind computeValue(Class<?> type) {
      return classify(type);
    }
  };

  static Kind kind(Object object) {
    return object == null ? Kind.DENIED : KINDS.get(object.getClass());
  }

  private static Kind classify(Class<?> type) {
    if (isDeniedType(type)) {
      return Kind.DENIED;
    }
    if (type.getName().startsWith("fi.hbflow.")) {
      return Kind.HB;
    }
    if (isDelegate(type)) {
      return Kind.DELEGATE;
    }
    return isValue(type) ? Kind.VALUE : Kind.OTHER;
  }

  /** Whether an expression may call {@code method} on {@code base} (or read it as a property, its getter). */
  public static boolean mayUse(Object base, String member) {
    if (member == null || DENIED_MEMBERS.contains(member)) {
      return false;
    }
    return switch (kind(base)) {
      case HB, VALUE -> true;
      case DELEGATE -> DELEGATE_API.contains(member) || DELEGATE_API.contains(getter("get", member))
          || DELEGATE_API.contains(getter("is", member));
      case OTHER, DENIED -> false;
    };
  }

  /** Whether an expression may hold this object at all, as the value of an identifier, a property or a call. */
  public static boolean mayHold(Object value) {
    return value == null || kind(value) != Kind.DENIED;
  }

  /**
   * Whether {@code value} may be given to a method of {@code base}: to HB's own objects anything an expression holds
   * (they take the execution), to anything else only plain values, so that a model cannot put the engine's objects
   * where other code (FEEL, a variable) would meet them.
   */
  public static boolean mayPass(Object base, Object value) {
    return kind(base) == Kind.HB ? mayHold(value) : isPlain(value);
  }

  /** A plain value: null, text, numbers, dates, typed values, JSON, and collections/maps/arrays of them. */
  public static boolean isPlain(Object value) {
    return isPlain(value, 0);
  }

  private static boolean isPlain(Object value, int depth) {
    if (value == null) {
      return true;
    }
    if (depth > 8 || kind(value) != Kind.VALUE) {
      return false;
    }
    if (value instanceof Collection<?> collection) {
      for (Object element : collection) {
        if (!isPlain(element, depth + 1)) {
          return false;
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!isPlain(entry.getKey(), depth + 1) || !isPlain(entry.getValue(), depth + 1)) {
          return false;
        }
      }
    } else if (value instanceof Object[] array) {
      for (Object element : array) {
        if (!isPlain(element, depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean isHb(Object object) {
    return object != null && kind(object) == Kind.HB;
  }

  private static boolean isValue(Class<?> type) {
    if (type.isArray() || Enum.class.isAssignableFrom(type) || VALUE_LANG_TYPES.contains(type)
        || java.util.Date.class.isAssignableFrom(type)) {
      return true;
    }
    String name = type.getName();
    if (DENIED_UTIL.contains(name)) {
      return false;
    }
    String pkg = type.getPackageName();
    if (VALUE_EXACT_PACKAGES.contains(pkg)) {
      return true;
    }
    for (String prefix : VALUE_PACKAGES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDeniedType(Class<?> type) {
    for (Class<?> denied : DENIED_TYPES) {
      if (denied.isAssignableFrom(type)) {
        return true;
      }
    }
    if (isDelegate(type)) {
      return false; // the engine's ExecutionEntity, TaskEntity…: their delegate API only (see mayUse)
    }
    String name = type.getName();
    if (name.startsWith("java.sql.") && java.util.Date.class.isAssignableFrom(type)) {
      return false; // a java.sql.Timestamp is a date
    }
    for (String pkg : DENIED_PACKAGES) {
      if (name.startsWith(pkg)) {
        return true;
      }
    }
    return implementsEngineService(type);
  }

  private static boolean isDelegate(Class<?> type) {
    for (Class<?> delegate : DELEGATE_TYPES) {
      if (delegate.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }

  /** The engine's services (RuntimeService, IdentityService …) by any implementation. */
  private static boolean implementsEngineService(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (isEngineService(i)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isEngineService(Class<?> i) {
    if (i.getPackageName().equals("org.camunda.bpm.engine") && i.getSimpleName().endsWith("Service")) {
      return true;
    }
    for (Class<?> parent : i.getInterfaces()) {
      if (isEngineService(parent)) {
        return true;
      }
    }
    return false;
  }

  private static String getter(String prefix, String property) {
    if (property.isEmpty()) {
      return prefix;
    }
    return prefix + Character.toUpperCase(property.charAt(0)) + property.substring(1);
  }

  private static Set<String> delegateApi() {
    Set<String> names = new HashSet<>();
    for (Class<?> type : DELEGATE_TYPES) {
      for (Method m : type.getMethods()) {
        names.add(m.getName());
      }
    }
    for (Class<?> excluded : List.of(ProcessEngineServicesAware.class, BpmnModelExecutionContext.class,
        CmmnModelExecutionContext.class, Object.class)) {
      for (Method m : excluded.getMethods()) {
        names.remove(m.getName());
      }
    }
    names.removeAll(DENIED_MEMBERS);
    return Set.copyOf(names);
  }
}
