package fi.hbflow.forms;

import fi.hbflow.engine.CurrentUser;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.engine.ScopeVariables;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Task listener on {@code complete} ({@code ${formCheck}}): runs the {@link FormRules} of the task, refuses the form
 * with all its problems, or stores the derived values and who completed it.
 */
public class FormCheckListener implements TaskListener {

  private final Map<String, FormRules> rulesByActivity;

  public FormCheckListener(Iterable<FormRules> rules) {
    java.util.List<FormRules> list = new java.util.ArrayList<>();
    rules.forEach(list::add);
    this.rulesByActivity = list.stream().collect(Collectors.toMap(FormRules::activityId, Function.identity()));
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules rules = rulesByActivity.get(task.getTaskDefinitionKey());
    if (rules == null) {
      return;
    }
    // the rules read a few of the case's values: reading all of them would select and parse every Json/file value
    FormValues form = new FormValues(ScopeVariables.of(task), EngineContext.today(), completedBy(task));
    rules.check(form);
    if (form.hasProblems()) {
      throw FormRejected.because(task.getTaskDefinitionKey(), form.problems());
    }
    form.derived().forEach((name, value) -> {
      if (value == null) {
        // emptied, not set to null: Tasklist submits a list (checklist) with the type of an existing variable,
        // and a list typed 'Null' is refused by the engine the next time the form is used
        task.removeVariable(name);
      } else {
        task.setVariable(name, value);
      }
    });
  }

  private static String completedBy(DelegateTask task) {
    String current = CurrentUser.idOrNull(task.getProcessEngineServices().getIdentityService());
    if (current != null) {
      return current;
    }
    return task.getAssignee();
  }
}
