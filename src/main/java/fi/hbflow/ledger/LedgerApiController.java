package fi.hbflow.ledger;

import fi.hbflow.casefile.LedgerCaseFile;
import fi.hbflow.engine.CurrentUser;
import fi.hbflow.engine.FormRefusals;
import fi.hbflow.engine.TaskWork;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for integrations (e.g. the voucher system): {@code POST /hbflow/api/cases/{businessKey}/expenses} records one
 * expense in the case's budget-use ledger by submitting the ledger's open expense form ({@code Task_Kulut}) as the
 * calling user, so the very same server checks apply as in Tasklist; the task is claimed for the caller in the same
 * transaction, so a refused expense leaves it unclaimed. HTTP basic auth
 * ({@code IdentityConfig}); the caller needs to see the task (the routing table gives it to their group).
 *
 * <ul>
 *   <li>201 {@code {"kaytettySentit", "budjettiKausiSentit", "kayttoaste", "halytys", ...}}: recorded;</li>
 *   <li>400 {@code {"virhe"}}: refused (the Finnish message of the form check), nothing recorded;</li>
 *   <li>404: no open expense form of that case for the caller;</li>
 *   <li>409: the case changed at the same moment (another expense, the ledger closing): nothing recorded, send it
 *   again. A use alert does not stop recording: the alert is handled beside it.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/hbflow/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
public class LedgerApiController {

  /** The expense as the integration sends it; the same values as the form {@code hb-kulu}. */
  public record ExpenseRequest(String paiva, String summa, String selite) {
  }

  private final ProcessEngine engine;

  public LedgerApiController(ProcessEngine engine) {
    this.engine = engine;
  }

  @PostMapping(path = "/{businessKey}/expenses", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> recordExpense(@PathVariable String businessKey,
                                                           @RequestBody(required = false) ExpenseRequest expense) {
    CurrentUser caller = CurrentUser.of(engine.getIdentityService()).orElse(null);
    if (caller == null) {
      return answer(HttpStatus.UNAUTHORIZED, "Kirjaudu sisään (HTTP basic -tunnistus).");
    }
    if (expense == null) {
      return answer(HttpStatus.BAD_REQUEST, "Pyynnöstä puuttuu kulu: " + EXAMPLE);
    }

    // as the caller: only a task routed to the caller's group (or assigned to them) is found
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(BudgetLedger.PROCESS_KEY).taskDefinitionKey(LedgerRules.EXPENSE_TASK).list();
    if (open.isEmpty()) {
      return answer(HttpStatus.NOT_FOUND, "Asialla " + businessKey + " ei ole avointa budjetin käytön kirjausta, "
          + "jonka voisit tehdä (tuntematon asia, seuranta ei ole käynnissä tai tehtävä ei kuulu ryhmällesi).");
    }
    Task task = open.get(0);

    Map<String, Object> form = new HashMap<>();
    form.put(LedgerCaseFile.EXPENSE_DATE, expense.paiva());
    form.put(LedgerCaseFile.EXPENSE_AMOUNT, expense.summa());
    form.put(LedgerCaseFile.EXPENSE_DESCRIPTION, expense.selite());
    VariableMap ledger;
    try {
      // claimed and submitted in one transaction: a refused expense leaves the task unclaimed
      ledger = TaskWork.claimAndSubmit(engine, task.getId(), caller.id(), form);
    } catch (AuthorizationException e) {
      return answer(HttpStatus.FORBIDDEN, "Sinulla ei ole oikeutta kirjata kuluja asialle " + businessKey + ".");
    } catch (OptimisticLockingException | TaskAlreadyClaimedException | NullValueException e) {
      // another expense, a worker or the case's end got there first; nothing of this request was stored
      return answer(HttpStatus.CONFLICT, "Asian " + businessKey + " kirjaus muuttui samaan aikaan (toinen kirjaus "
          + "tai asian päättyminen). Kulua ei kirjattu; lähetä se uudelleen.");
    } catch (ProcessEngineException refused) {
      if (!FormRefusals.isRefusal(refused)) {
        throw refused;
      }
      return answer(HttpStatus.BAD_REQUEST, refused.getMessage());
    }

    // the answer names the ledger's variables
    Map<String, Object> body = new LinkedHashMap<>();
    for (String name : List.of(LedgerCaseFile.USED_CENTS, LedgerCaseFile.BUDGET_CENTS, LedgerCaseFile.USED_TEXT,
        LedgerCaseFile.REMAINING_TEXT, LedgerCaseFile.USE_TEXT)) {
      body.put(name, ledger.get(name));
    }
    boolean alert = Boolean.TRUE.equals(ledger.get(LedgerCaseFile.ALERT));
    body.put(LedgerCaseFile.ALERT, alert);
    if (alert) {
      body.put(LedgerCaseFile.ALERT_REASON, ledger.get(LedgerCaseFile.ALERT_REASON));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return answer(HttpStatus.BAD_REQUEST, "Pyynnön JSON ei kelpaa: " + EXAMPLE);
  }

  private static final String EXAMPLE =
      "lähetä {\"paiva\": \"2026-08-03\", \"summa\": \"123,45\", \"selite\": \"Avustajan palkka 7/2026\"}.";

  private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("virhe", message));
  }
}
