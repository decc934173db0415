package fi.hbflow.decision;

import fi.hbflow.engine.LongText;
import fi.hbflow.engine.EngineContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Päätösasiakirjan laadinta (service task {@code Task_Paatosasiakirja}): writes the decision document from the case
 * and keeps it with the case: {@code paatosasiakirja} (printable HTML file, downloadable through the task's variables)
 * and {@code paatosasiakirjaTeksti} (the same as Markdown, shown in the forms that follow). To whom a rectification
 * request is made comes from the task's input parameters, which the process owner edits in the Modeler.
 */
public class DecisionDocumentDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>(execution.getVariables());
    Object decider = variables.get("paattaja");
    if (decider != null) {
      User user = EngineContext.withoutAuthorization(() -> execution.getProcessEngineServices().getIdentityService()
          .createUserQuery().userId(decider.toString()).singleResult());
      if (user != null) {
        variables.put("paattajanNimi", (user.getFirstName() + " " + user.getLastName()).trim());
        if (user.getEmail() != null) {
          variables.put("paattajanSahkoposti", user.getEmail()); // the contact when the form names none
        }
      }
    }
    DecisionDocument document = new DecisionDocument(variables, new DecisionDocument.Rectification(
        (String) execution.getVariable("oikaisuvaatimuksenVastaanottaja"),
        (String) execution.getVariable("oikaisuvaatimuksenOsoite"), null));
    String fileName = "paatos-" + execution.getProcessBusinessKey() + ".html";
    execution.setVariable("paatosasiakirja", Variables.fileValue(fileName)
        .file(document.html().getBytes(StandardCharsets.UTF_8)).mimeType("text/html").encoding("UTF-8").create());
    execution.setVariable("paatosasiakirjaTeksti", LongText.of(document.markdown()));
    if (variables.containsKey("paattajanNimi")) {
      execution.setVariable("paattajanNimi", variables.get("paattajanNimi"));
    }
  }
}
