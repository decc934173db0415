package fi.hbflow.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The business key of each case a request read, looked up once per request: a process instance the command has
 * loaded gives its own from the entity cache; the others are looked up together in one query of the history (running
 * and ended cases alike), and a called process without a key of its own gets its root case's (one more query, only
 * then). Without history (history level none) the running instance tree is climbed. Run inside the command's context,
 * without the caller's authorizations: the key is the log's, not an answer to the caller.
 */
final class CaseKeys {

  private CaseKeys() {
  }

  static Map<String, String> resolve(CommandContext context, Set<String> processInstanceIds) {
    Map<String, String> keys = new HashMap<>();
    Set<String> unresolved = new LinkedHashSet<>();
    for (String id : processInstanceIds) {
      ExecutionEntity cached = context.getDbEntityManager().getCachedEntity(ExecutionEntity.class, id);
      if (cached != null && cached.getBusinessKey() != null) {
        keys.put(id, cached.getBusinessKey());
      } else {
        unresolved.add(id);
      }
    }
    if (unresolved.isEmpty()) {
      return keys;
    }
    withoutChecks(context, () -> {
      Set<String> inHistory = new HashSet<>();
      Map<String, String> rootOf = new HashMap<>();
      for (HistoricProcessInstance instance : history(context, unresolved)) {
        inHistory.add(instance.getId());
        if (instance.getBusinessKey() != null) {
          keys.put(instance.getId(), instance.getBusinessKey());
        } else if (instance.getRootProcessInstanceId() != null
            && !instance.getRootProcessInstanceId().equals(instance.getId())) {
          rootOf.put(instance.getId(), instance.getRootProcessInstanceId());
        }
      }
      if (!rootOf.isEmpty()) {
        Map<String, String> rootKeys = new HashMap<>();
        for (HistoricProcessInstance root : history(context, new HashSet<>(rootOf.values()))) {
          if (root.getBusinessKey() != null) {
            rootKeys.put(root.getId(), root.getBusinessKey());
          }
        }
        rootOf.forEach((id, root) -> {
          if (rootKeys.containsKey(root)) {
            keys.put(id, rootKeys.get(root));
          }
        });
      }
      for (String id : unresolved) {
        if (!inHistory.contains(id)) {
          String key = runtimeKey(context, id);
          if (key != null) {
            keys.put(id, key);
          }
        }
      }
      return null;
    });
    return keys;
  }

  private static List<HistoricProcessInstance> history(CommandContext context, Set<String> ids) {
    HistoricProcessInstanceQueryImpl query = new HistoricProcessInstanceQueryImpl();
    query.processInstanceIds(ids);
    return query.executeList(context, null);
  }

  /** The key of the instance or of the nearest calling instance that has one. */
  private static String runtimeKey(CommandContext context, String processInstanceId) {
    ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
    while (instance != null && instance.getBusinessKey() == null) {
      ExecutionEntity caller = instance.getProcessInstance().getSuperExecution();
      instance = caller == null ? null : caller.getProcessInstance();
    }
    return instance == null ? null : instance.getBusinessKey();
  }

  /** Runs the look-up without authorization and tenant checks, restoring both. */
  static <T> T withoutChecks(CommandContext context, Callable<T> lookup) {
    boolean tenantCheck = context.isTenantCheckEnabled();
    context.disableTenantCheck();
    try {
      return context.runWithoutAuthorization(lookup);
    } finally {
      if (tenantCheck) {
        context.enableTenantCheck();
      }
    }
  }
}
