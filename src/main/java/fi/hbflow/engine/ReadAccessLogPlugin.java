package fi.hbflow.engine;

import fi.hbflow.accesslog.CaseReads;
import fi.hbflow.accesslog.Purposes;
import fi.hbflow.accesslog.ReadAccess;
import fi.hbflow.accesslog.ReadAccessLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-access log (lukuloki, Asiakastietolaki 703/2023 10 §) in one place that every door goes through: an engine
 * command interceptor. {@code /engine-rest}, Tasklist and Cockpit ({@code /camunda/api/engine}) and HB Flow's own API
 * all run the same engine commands; for the outermost command of a logged-in user that returns variable values
 * ({@link ReadCommands}), after it has returned successfully, one row per case read is written to the
 * {@link ReadAccessLog}: who, which case, what (the kind of access and the variable names), the purpose, when.
 *
 * <p>The interceptor runs inside the command's context and transaction (after the engine's command-context
 * interceptor): the log row is written in the transaction of the read, and if it cannot be written the read fails —
 * no data leaves without its row. Reads by code that runs without a logged-in user (delegates and listeners inside a
 * worker's command, the job executor, HB Flow's own look-ups made without the caller's authorization) are not logged:
 * they return nothing to a person. Cost per logged request: the task or execution the command loads anyway, one query
 * of the history for the business keys of all cases read (none when the command loaded the case), and the user's name
 * (kept for ten minutes).
 */
public class ReadAccessLogPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ReadAccessLogPlugin.class);

  private final ReadAccessLog log;

  public ReadAccessLogPlugin(ReadAccessLog log) {
    this.log = log;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ReadCommands.verify();
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Interceptor(log));
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    LOG.info("Read-access log: reads of case data by logged-in users are logged");
  }

  static final class Interceptor extends CommandInterceptor {
    private final ReadAccessLog log;
    private final UserNames userNames = new UserNames();
    /** Commands this thread is inside of: only the outermost is the request's (nested ones are the engine's). */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    Interceptor(ReadAccessLog log) {
      this.log = log;
    }

    @Override
    public <T> T execute(Command<T> command) {
      int[] nesting = depth.get();
      if (nesting[0] > 0) {
        return next.execute(command);
      }
      nesting[0]++;
      try {
        CommandContext context = Context.getCommandContext();
        String user = context == null ? null : context.getAuthenticatedUserId();
        ReadCommands.Read read = user == null ? null : ReadCommands.recognise(command);
        if (read == null) {
          return next.execute(command);
        }
        read.before(context);
        T result = next.execute(command);
        CaseReads cases = read.after(result);
        if (!cases.isEmpty()) {
          Map<String, String> keys = CaseKeys.resolve(context, cases.processInstanceIds());
          List<String> groups = context.getAuthenticatedGroupIds();
          log.record(cases.toRows(EngineContext.now(), user, userNames.of(context, user), groups,
              read.kind, Purposes.of(groups, read.stepName), keys));
        }
        return result;
      } finally {
        nesting[0]--;
      }
    }
  }

  /** Users' names ("Sanna Sosiaalityöntekijä") for the log, each looked up at most once in ten minutes. */
  static final class UserNames {
    private static final long KEEP_NANOS = Duration.ofMinutes(10).toNanos();
    private static final int MAX_USERS = 10_000;

    private record Named(String name, long until) {
    }

    private final Map<String, Named> known = new ConcurrentHashMap<>();

    String of(CommandContext context, String userId) {
      long now = System.nanoTime();
      Named named = known.get(userId);
      if (named != null && now - named.until() < 0) {
        return named.name();
      }
      String name;
      try {
        User user = CaseKeys.withoutChecks(context, () -> context.getReadOnlyIdentityProvider().findUserById(userId));
        name = user == null ? null : ReadAccess.nameOf(user.getFirstName(), user.getLastName());
      } catch (RuntimeException e) {
        // the identifier is logged all the same; the name is looked up again next time
        LOG.warn("Read-access log: the name of user {} could not be read: {}", userId, e.toString());
        return null;
      }
      if (known.size() >= MAX_USERS) {
        known.clear();
      }
      known.put(userId, new Named(name, now + KEEP_NANOS));
      return name;
    }
  }
}
