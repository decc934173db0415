package fi.hbflow.decision;

import fi.hbflow.engine.LongText;
import fi.hbflow.casefile.HbCaseFile;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;

/**
 * Päätösasiakirjan laadinta (service task {@code Task_Paatosasiakirja}): writes the decision document from the case
 * and keeps it with the case: {@code paatosasiakirja} (printable HTML file, downloadable through the task's variables)
 * and {@code paatosasiakirjaTeksti} (the same as Markdown, shown in the forms that follow). To whom a rectification
 * request is made comes from the task's input parameters, which the process owner edits in the Modeler. Reads the
 * case file, calls the plain {@link DecisionDocument}, writes the result.
 */
public class DecisionDocumentDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    HbCaseFile file = HbCaseFile.of(execution);
    Map<String, Object> variables = new HashMap<>(execution.getVariables()); // the document shows most of the case
    User user = Deciders.user(execution, file.decider());
    if (user != null) {
      variables.put(HbCaseFile.DECIDER_NAME, Deciders.name(user));
      if (user.getEmail() != null) {
        variables.put("paattajanSahkoposti", user.getEmail()); // the contact when the form names none (not stored)
      }
    }
    DecisionDocument document = new DecisionDocument(variables, new DecisionDocument.Rectification(
        file.text(HbCaseFile.RECTIFICATION_RECIPIENT), file.text(HbCaseFile.RECTIFICATION_ADDRESS), null));
    file.set(HbCaseFile.DECISION_DOCUMENT, Deciders.htmlFile("paatos-" + execution.getProcessBusinessKey() + ".html",
        document.html()));
    file.set(HbCaseFile.DECISION_DOCUMENT_TEXT, LongText.of(document.markdown()));
    if (user != null) {
      file.set(HbCaseFile.DECIDER_NAME, variables.get(HbCaseFile.DECIDER_NAME));
    }
  }
}
