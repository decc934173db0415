package fi.hbflow.decision;

import fi.hbflow.engine.EngineContext;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

/** What the two document delegates share: the deciding worker's user record, and the document as an HTML file. */
final class Deciders {

  private Deciders() {
  }

  /** The user who decided, or null (no id, or no such user). Read without the worker's authorizations. */
  static User user(DelegateExecution execution, String userId) {
    if (userId == null) {
      return null;
    }
    return EngineContext.withoutAuthorization(() -> execution.getProcessEngineServices().getIdentityService()
        .createUserQuery().userId(userId).singleResult());
  }

  /** "First Last". */
  static String name(User user) {
    return (user.getFirstName() + " " + user.getLastName()).trim();
  }

  /** A printable HTML document as a file variable (downloadable through the task's variables). */
  static FileValue htmlFile(String fileName, String html) {
    return Variables.fileValue(fileName).file(html.getBytes(StandardCharsets.UTF_8)).mimeType("text/html")
        .encoding("UTF-8").create();
  }
}
