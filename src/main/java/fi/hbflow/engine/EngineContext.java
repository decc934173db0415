package fi.hbflow.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The few engine internals HB Flow relies on, in one place (so that a move to an API-compatible fork stays small):
 * the engine clock, and running the application's own look-ups without the calling worker's authorizations.
 */
public final class EngineContext {

  public static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

  private EngineContext() {
  }

  /** Today in Finland by the engine clock (tests move it with {@code ClockUtil}). */
  public static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), FINLAND);
  }

  /** Now by the engine clock (tests move it with {@code ClockUtil}). */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * Runs an application look-up (price table, routing table) that the worker who triggered it need not be authorized
   * to do themselves. Outside a command context it simply runs.
   */
  public static <T> T withoutAuthorization(Supplier<T> lookup) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      return lookup.get();
    }
    Callable<T> callable = lookup::get;
    return commandContext.runWithoutAuthorization(callable);
  }

  /**
   * Runs queries of a web request (outside any engine command) without the caller's authorizations: the engine checks
   * authorizations only while an authentication is set, so it is taken off this request thread for the queries and put
   * back afterwards.
   */
  public static <T> T withoutCallerAuthorization(IdentityService identity, Supplier<T> queries) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return queries.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /**
   * Runs server code (a worker action the server authorises itself) in one engine transaction, without the caller's
   * engine authorizations: from a web request it opens the transaction; inside a command (a delegate of a model) it
   * joins the command's, so whatever the command then refuses rolls back with it.
   */
  public static <T> T asServer(ProcessEngine engine, Supplier<T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Callable<T> callable = work::get;
    return configuration.getCommandExecutorTxRequired().execute(commandContext ->
        commandContext.runWithoutAuthorization(callable));
  }
}
