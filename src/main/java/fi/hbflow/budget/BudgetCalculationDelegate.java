package fi.hbflow.budget;

import fi.hbflow.engine.LongText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.engine.DmnTables;
import fi.hbflow.forms.FormValues;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Budjetin laskenta (service task {@code Task_BudjetinLaskenta}): a thin adapter from the case's variables to
 * {@link BudgetCalculator} and back. A fault the worker can fix is the BPMN error {@code BUDJETTI_VIRHE}, which sends
 * the case back to the assessment with the reason in {@code laskentavirhe}; never an incident.
 */
public class BudgetCalculationDelegate implements JavaDelegate {

  public static final String ERROR_CODE = "BUDJETTI_VIRHE";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DmnTables tables;
  private final BudgetCalculator calculator = new BudgetCalculator();

  public BudgetCalculationDelegate(DmnTables tables) {
    this.tables = tables;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Budget budget;
    try {
      budget = calculate(execution);
    } catch (BudgetException e) {
      throw new BpmnError(ERROR_CODE, e.getMessage());
    }
    execution.removeVariable("laskentavirhe");
    execution.setVariable("budjettiKausiSentit", budget.totalCents());
    execution.setVariable("vuosibudjettiSentit", budget.annualCents());
    execution.setVariable("budjettiKkKeskimSentit", budget.averageMonthCents());
    execution.setVariable("budjettiYhteensa", Money.format(budget.totalCents()));
    execution.setVariable("budjettiErittelyTeksti", LongText.of(BudgetPresentation.markdown(budget)));
    execution.setVariable("hinnasto", budget.priceListVersion());
    execution.setVariable("palvelutyypit", String.join(",", budget.serviceTypes()));
    try {
      execution.setVariable("budjettierittely", SpinValues.jsonValue(JSON.writeValueAsString(BudgetPresentation.tree(budget))).create());
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException("Cannot store the budget breakdown", e);
    }
  }

  private Budget calculate(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    List<ServiceNeed> needs = ServiceNeeds.from(execution.getVariables(), DmnServiceCodes.latest(tables), problems);
    FormValues values = new FormValues(execution.getVariables(), null);
    var start = values.date("budjettikaudenAlku", "Budjettikauden alku", true);
    Integer months = values.integer("budjettikaudenPituusKk", "Budjettikauden pituus", 1, BudgetPeriod.MAX_MONTHS, true);
    problems.addAll(values.problems());
    if (!problems.isEmpty()) {
      throw new BudgetException(String.join(" ", problems));
    }
    return calculator.calculate(needs, BudgetPeriod.startingOn(start, months), DmnPriceList.latest(tables));
  }
}
