package fi.hbflow.decision;

import fi.hbflow.engine.EngineContext;
import fi.hbflow.engine.LongText;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Oikaisuvaatimuksen ratkaisuasiakirja (service task {@code Task_Ratkaisuasiakirja}): writes the ruling on a
 * rectification request and keeps it with the case like the decision: {@code oikaisuvaatimuksenRatkaisuasiakirja}
 * (printable HTML file) and {@code oikaisuvaatimuksenRatkaisuasiakirjaTeksti} (Markdown for the forms that follow).
 * The administrative court and the addresses are the task's input parameters, which the process owner edits.
 */
public class RulingDocumentDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>(execution.getVariables());
    Object ruler = variables.get("oikaisuvaatimuksenRatkaisija");
    if (ruler != null) {
      User user = EngineContext.withoutAuthorization(() -> execution.getProcessEngineServices().getIdentityService()
          .createUserQuery().userId(ruler.toString()).singleResult());
      if (user != null) {
        variables.put("oikaisuvaatimuksenRatkaisijanNimi", (user.getFirstName() + " " + user.getLastName()).trim());
        variables.put("oikaisuvaatimuksenRatkaisijanSahkoposti", user.getEmail());
      }
    }
    RulingDocument document = new RulingDocument(variables, new RulingDocument.Appeal(
        (String) execution.getVariable("hallintotuomioistuin"),
        (String) execution.getVariable("hallintotuomioistuimenOsoite"),
        (String) execution.getVariable("oikaisuvaatimuksenOsoite")), EngineContext.today());
    String fileName = "oikaisuvaatimuksen-ratkaisu-" + execution.getProcessBusinessKey() + ".html";
    execution.setVariable("oikaisuvaatimuksenRatkaisuasiakirja", Variables.fileValue(fileName)
        .file(document.html().getBytes(StandardCharsets.UTF_8)).mimeType("text/html").encoding("UTF-8").create());
    execution.setVariable("oikaisuvaatimuksenRatkaisuasiakirjaTeksti", LongText.of(document.markdown()));
  }
}
