package fi.hbflow.budget;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.engine.LongText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.engine.DmnTables;
import fi.hbflow.casefile.CaseFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Budjetin laskenta (service task {@code Task_BudjetinLaskenta}): reads the case file ({@link HbCaseFile}), calls
 * {@link BudgetCalculator} and writes the budget back. A fault the worker can fix is the BPMN error {@code BUDJETTI_VIRHE}, which sends
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
    HbCaseFile file = HbCaseFile.of(execution);
    Budget budget;
    try {
      budget = calculate(file);
    } catch (BudgetException e) {
      throw new BpmnError(ERROR_CODE, e.getMessage());
    }
    file.set(HbCaseFile.CALCULATION_ERROR, null);
    file.set(HbCaseFile.BUDGET_PERIOD_CENTS, budget.totalCents());
    file.set(HbCaseFile.ANNUAL_BUDGET_CENTS, budget.annualCents());
    file.set(HbCaseFile.MONTHLY_AVERAGE_CENTS, budget.averageMonthCents());
    file.set(HbCaseFile.BUDGET_TOTAL_TEXT, Money.format(budget.totalCents()));
    file.set(HbCaseFile.BUDGET_BREAKDOWN_TEXT, LongText.of(BudgetPresentation.markdown(budget)));
    file.set(HbCaseFile.PRICE_LIST, budget.priceListVersion());
    file.set(HbCaseFile.SERVICE_TYPES, String.join(",", budget.serviceTypes()));
    try {
      file.set(HbCaseFile.BUDGET_BREAKDOWN,
          SpinValues.jsonValue(JSON.writeValueAsString(BudgetPresentation.tree(budget))).create());
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException("Cannot store the budget breakdown", e);
    }
  }

  private Budget calculate(HbCaseFile file) {
    List<String> problems = new ArrayList<>();
    List<ServiceNeed> needs = ServiceNeeds.from(file.variables(), DmnServiceCodes.latest(tables), problems);
    LocalDate start = CaseFile.collecting(problems, file::budgetPeriodStart);
    Integer months = CaseFile.collecting(problems, file::budgetPeriodMonths);
    if (!problems.isEmpty()) {
      throw new BudgetException(String.join(" ", problems));
    }
    return calculator.calculate(needs, BudgetPeriod.startingOn(start, months), DmnPriceList.latest(tables));
  }
}
