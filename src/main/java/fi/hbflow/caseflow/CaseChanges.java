package fi.hbflow.caseflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.hbflow.calendar.LegalClocks;
import fi.hbflow.calendar.LegalDeadline;
import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.casefile.JsonList;
import fi.hbflow.casefile.LedgerCaseFile;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.engine.LongText;
import fi.hbflow.ledger.BudgetLedger;
import fi.hbflow.support.SupportRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Changes of an HB case between its review dates (bean {@code caseChanges}, called by the models): the review brought
 * forward by a budget-use alert, the immediate end's open commitments, and the start of a new assessment (after a
 * review, or on the client's request for a decision under 675/2023 in the transition). Thin: the rules and texts are
 * in {@link CaseChangeRules} and the clock table.
 */
public class CaseChanges {

  public static final String CASE_PROCESS = "hb-palveluprosessi";
  public static final String REVIEW_NOW = "HB_SEURANTA_NYT";
  public static final String REVIEW_MOVED = "HB_SEURANTA_SIIRTYY";
  public static final String END_NOW = "HB_PAATTYY_HETI";
  /** The alert action of the ledger's form that brings the review forward. */
  public static final String BRING_FORWARD = "seuranta_aikaistetaan";


  private final ProcessEngine engine;
  private final LegalClocks clocks;

  public CaseChanges(ProcessEngine engine, LegalClocks clocks) {
    this.engine = engine;
    this.clocks = clocks;
  }

  /**
   * In the ledger, when a use alert is handled (before {@code budgetLedger.alertHandled}): with the action
   * {@value #BRING_FORWARD}, the case's review moves to today + the county's target (clock AIKAISTETTU_SEURANTA),
   * unless it is already earlier. The new date is stored ({@code erapaiva_SEURANTA}) and, when the case waits for its
   * review, the wait starts again with it (message {@value #REVIEW_MOVED}), so the review timer moves.
   */
  public void alertHandled(DelegateExecution execution) {
    LedgerCaseFile ledger = LedgerCaseFile.of(execution);
    if (!BRING_FORWARD.equals(ledger.raw(LedgerCaseFile.ALERT_ACTION))) {
      return;
    }
    Object caseId = ledger.raw(LedgerCaseFile.CASE_ID);
    if (caseId == null) {
      return;
    }
    EngineContext.withoutAuthorization(() -> {
      bringReviewForward(caseId.toString());
      return null;
    });
  }

  /** @return the new review date, or null when the case does not run or its review is already earlier */
  LocalDate bringReviewForward(String caseId) {
    RuntimeService runtime = engine.getRuntimeService();
    if (runtime.createProcessInstanceQuery().processInstanceId(caseId).processDefinitionKey(CASE_PROCESS).active()
        .count() == 0) {
      return null; // ended, or not an HB service process
    }
    LocalDate today = EngineContext.today();
    Map<String, Object> values = new HashMap<>(runtime.getVariables(caseId,
        List.of(HbCaseFile.PENDING_SINCE, HbCaseFile.AGE_GROUP, HbCaseFile.NOTIFICATION_METHOD, "erapaiva_SEURANTA")));
    values.put(HbCaseFile.REVIEW_BROUGHT_FORWARD, today.toString());
    LegalDeadline deadline = clocks.deadlineOrNull("AIKAISTETTU_SEURANTA", values);
    if (deadline == null) {
      return null;
    }
    Object current = values.get("erapaiva_SEURANTA");
    if (current instanceof Date d && !LocalDate.ofInstant(d.toInstant(), EngineContext.FINLAND).isAfter(deadline.due())) {
      return null; // already earlier (or the same day)
    }
    Map<String, Object> moved = new HashMap<>(LegalClocks.stored(deadline));
    moved.put(HbCaseFile.REVIEW_BROUGHT_FORWARD, today.toString());
    boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(caseId).eventType("message")
        .eventName(REVIEW_MOVED).count() > 0;
    if (waiting) {
      runtime.createMessageCorrelation(REVIEW_MOVED).processInstanceId(caseId).setVariables(moved).correlate();
    } else {
      runtime.setVariables(caseId, moved);
    }
    return deadline.due();
  }

  /**
   * First step of the immediate end ({@code Task_AvoimetSitoumukset}): lists the open commitments — each running
   * ledger's budget, use and remainder with its open alert tasks, an open change of supporter — into
   * {@code avoimetSitoumukset} (JSON) and {@code avoimetSitoumuksetTeksti} (Markdown), then ends the ledgers (message
   * {@code HB_KAYTTO_PAATTYY}: their recorded use stays in their history).
   */
  public void listCommitmentsAndCloseLedger(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    ArrayNode rows = JsonList.JSON.createArrayNode();
    List<CaseChangeRules.Commitment> commitments = new ArrayList<>();
    EngineContext.withoutAuthorization(() -> {
      RuntimeService runtime = engine.getRuntimeService();
      for (ProcessInstance ledger : runtime.createProcessInstanceQuery().processDefinitionKey(BudgetLedger.PROCESS_KEY)
          .processInstanceBusinessKey(key).active().list()) {
        Map<String, Object> v = runtime.getVariables(ledger.getId(), List.of(HbCaseFile.BUDGET_PERIOD_CENTS, HbCaseFile.USED_CENTS,
            "kulut"));
        long budget = ((Number) v.get(HbCaseFile.BUDGET_PERIOD_CENTS)).longValue();
        long used = v.get(HbCaseFile.USED_CENTS) instanceof Number n ? n.longValue() : 0L;
        int expenses = count(v.get("kulut"));
        List<String> open = engine.getTaskService().createTaskQuery().processInstanceId(ledger.getId()).list().stream()
            .filter(t -> !"Task_Kulut".equals(t.getTaskDefinitionKey())).map(Task::getName).toList();
        CaseChangeRules.Commitment c = CaseChangeRules.ledger(budget, used, expenses, open);
        commitments.add(c);
        ObjectNode row = rows.addObject().put("laji", c.kind()).put("kuvaus", c.description())
            .put("kayttoSeurantaId", ledger.getId()).put("budjettiSentit", budget).put(HbCaseFile.USED_CENTS, used)
            .put("jaljellaSentit", budget - used).put("kirjauksia", expenses);
        open.forEach(row.putArray("avoimetTehtavat")::add);
      }
      for (ProcessInstance change : runtime.createProcessInstanceQuery().processDefinitionKey(SupportRules.PROCESS)
          .processInstanceBusinessKey(key).active().list()) {
        if (change.getRootProcessInstanceId() != null && !change.getRootProcessInstanceId().equals(change.getId())) {
          continue; // the case's own support choice (a call activity) ended with the case's interruption
        }
        CaseChangeRules.Commitment c = new CaseChangeRules.Commitment("tuen vaihto",
            "Tukijan vaihto on kesken (prosessi " + change.getId() + "): keskeytä se Tasklistissa tai Cockpitissa.");
        commitments.add(c);
        rows.addObject().put("laji", c.kind()).put("kuvaus", c.description()).put("prosessiId", change.getId());
      }
      return null;
    });
    HbCaseFile file = HbCaseFile.of(execution);
    file.set(HbCaseFile.OPEN_COMMITMENTS, JsonList.value(rows));
    file.set(HbCaseFile.OPEN_COMMITMENTS_TEXT, LongText.of(CaseChangeRules.text(commitments)));
    file.set(HbCaseFile.ENDED_EARLY_RECORDED, EngineContext.today().toString());
    EngineContext.withoutAuthorization(() -> {
      engine.getRuntimeService().createMessageCorrelation(BudgetLedger.CLOSE_MESSAGE).processInstanceBusinessKey(key)
          .correlateAll();
      return null;
    });
  }

  /**
   * A new assessment starts (after a review found the needs changed, or on a request for a new decision in the
   * transition): the matter of the coming decision is pending from today ({@code uudelleenarviointiPaiva}, which
   * decides its law version), and a request for it is handled.
   */
  public void redecisionStarts(DelegateExecution execution) {
    HbCaseFile file = HbCaseFile.of(execution);
    file.set(HbCaseFile.REASSESSMENT_DATE, EngineContext.today().toString());
    file.set(HbCaseFile.NEW_DECISION_REQUESTED, false);
  }

  /**
   * A review was done ({@code take} out of {@code Task_Seuranta}): the reason of a review asked for now is not shown
   * at the next review (the case's history keeps it).
   */
  public void reviewDone(DelegateExecution execution) {
    for (String name : List.of(HbCaseFile.REVIEW_NOW_REASON, HbCaseFile.REVIEW_NOW_REQUESTER,
        HbCaseFile.REVIEW_NOW_DATE)) {
      execution.removeVariable(name);
    }
  }

  /**
   * The leading social worker completed "Siirtymäajan uudelleenpäätös": the re-decision starts now (the case leaves
   * its review wait for a new assessment; a case in a review or in an appeal goes there when it reaches the wait).
   */
  public void transitionTaskDone(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(HbCaseFile.NEW_DECISION_REQUESTED, true);
  }

  private static int count(Object list) {
    try {
      return JsonList.read(list).size();
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }
}
