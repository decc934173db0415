package fi.hbflow.web;

import fi.hbflow.engine.EngineContext;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What became of a task a user failed to submit, asked outside the caller's authorizations: the caller's permission
 * on the task went with it, and the questions are only whether the task exists, whether the work was done, and
 * whether it was this user's to do (routed to one of their groups, or assigned to them).
 */
public final class CompletedTasks implements FormSubmissionAnswerFilter.TaskStates {

  /** A task as the submitting user's answer needs to know it. */
  public enum State {
    /** Still open (or not yet in the history). */
    OPEN,
    /** No such task, open or finished. */
    UNKNOWN,
    /** Finished, and it was the user's to work: one of their groups was its candidate, or it was assigned to them. */
    COMPLETED_BY_THEIR_GROUP,
    /** Finished, and never the user's: they are told no more than that they may not. */
    COMPLETED_ELSEWHERE
  }

  private final ProcessEngine engine;

  public CompletedTasks(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public State state(String taskId, String userId) {
    IdentityService identity = engine.getIdentityService();
    return EngineContext.withoutCallerAuthorization(identity, () -> {
      HistoryService history = engine.getHistoryService();
      HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      if (task == null) {
        return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0 ? State.OPEN : State.UNKNOWN;
      }
      if (task.getEndTime() == null) {
        return State.OPEN;
      }
      if (userId == null) {
        return State.COMPLETED_ELSEWHERE;
      }
      if (userId.equals(task.getAssignee())) {
        return State.COMPLETED_BY_THEIR_GROUP;
      }
      Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
          .collect(Collectors.toSet());
      for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(taskId)
          .type(IdentityLinkType.CANDIDATE).list()) {
        if (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
          return State.COMPLETED_BY_THEIR_GROUP;
        }
      }
      return State.COMPLETED_ELSEWHERE;
    });
  }
}
