package fi.hbflow.decision;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.engine.LongText;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;

/**
 * Oikaisuvaatimuksen ratkaisuasiakirja (service task {@code Task_Ratkaisuasiakirja}): writes the ruling on a
 * rectification request and keeps it with the case like the decision: {@code oikaisuvaatimuksenRatkaisuasiakirja}
 * (printable HTML file) and {@code oikaisuvaatimuksenRatkaisuasiakirjaTeksti} (Markdown for the forms that follow).
 * The administrative court and the addresses are the task's input parameters, which the process owner edits.
 */
public class RulingDocumentDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    HbCaseFile file = HbCaseFile.of(execution);
    Map<String, Object> variables = new HashMap<>(execution.getVariables()); // the ruling shows most of the case
    User user = Deciders.user(execution, file.rectificationRuler());
    if (user != null) {
      variables.put("oikaisuvaatimuksenRatkaisijanNimi", Deciders.name(user)); // for the document only
      variables.put("oikaisuvaatimuksenRatkaisijanSahkoposti", user.getEmail());
    }
    RulingDocument document = new RulingDocument(variables, new RulingDocument.Appeal(
        file.text(HbCaseFile.ADMINISTRATIVE_COURT), file.text(HbCaseFile.ADMINISTRATIVE_COURT_ADDRESS),
        file.text(HbCaseFile.RECTIFICATION_ADDRESS)), EngineContext.today());
    file.set(HbCaseFile.RULING_DOCUMENT, Deciders.htmlFile("oikaisuvaatimuksen-ratkaisu-"
        + execution.getProcessBusinessKey() + ".html", document.html()));
    file.set(HbCaseFile.RULING_DOCUMENT_TEXT, LongText.of(document.markdown()));
  }
}
