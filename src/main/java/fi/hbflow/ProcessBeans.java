package fi.hbflow;

import fi.hbflow.accesslog.ReadAccessLog;
import fi.hbflow.budget.AssessmentRules;
import fi.hbflow.budget.BudgetCalculationDelegate;
import fi.hbflow.budget.SupportPlanRules;
import fi.hbflow.calendar.LegalClocks;
import fi.hbflow.caseflow.CaseActionDelegate;
import fi.hbflow.caseflow.CaseActions;
import fi.hbflow.caseflow.CaseChangeRules;
import fi.hbflow.caseflow.CaseChanges;
import fi.hbflow.caseflow.CaseNumbers;
import fi.hbflow.caseflow.CaseOpeningListener;
import fi.hbflow.caseflow.JdbcCaseNumbers;
import fi.hbflow.caseflow.StepRules;
import fi.hbflow.decision.DecisionDocumentDelegate;
import fi.hbflow.decision.RulingDocumentDelegate;
import fi.hbflow.engine.DmnTables;
import fi.hbflow.engine.EngineSettings;
import fi.hbflow.engine.ModelDeploymentConfiguration;
import fi.hbflow.forms.FormCheckListener;
import fi.hbflow.forms.FormRules;
import fi.hbflow.ledger.BudgetLedger;
import fi.hbflow.ledger.LedgerRules;
import fi.hbflow.routing.TaskRoutingListener;
import fi.hbflow.sopiva.SopivaRules;
import fi.hbflow.sopiva.SopivaStartListener;
import fi.hbflow.support.SupportChangeEndListener;
import fi.hbflow.support.SupportChangeStartListener;
import fi.hbflow.support.SupportRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The beans the models name in their expressions ({@code ${caseOpening}}, {@code ${taskRouting}}, …): the one list
 * of them, {@link #BEANS}, for the application (given to the engine by {@link EngineSettings}: the models see these
 * and nothing else of the Spring context), the model tests ({@code HbCaseDriver} registers {@link #processBeans}) and
 * {@link ModelSafetyConfig#PROCESS_BEAN_NAMES}. A new process bean is one line here.
 */
@Configuration
public class ProcessBeans {

  /** What a process bean is built from. */
  public record Sources(ProcessEngine engine, DmnTables tables, CaseNumbers caseNumbers, CaseActions caseActions) {
  }

  /** Each process bean by its name in the models. */
  static final Map<String, Function<Sources, Object>> BEANS = beans();

  /** The names the models may use, {@code ${caseOpening}} …. */
  public static final List<String> NAMES = List.copyOf(BEANS.keySet());

  private static Map<String, Function<Sources, Object>> beans() {
    Map<String, Function<Sources, Object>> beans = new LinkedHashMap<>();
    beans.put("caseOpening", s -> new CaseOpeningListener(s.caseNumbers()));
    beans.put("taskRouting", s -> new TaskRoutingListener(s.tables()));
    beans.put("formCheck", s -> new FormCheckListener(formRules(s.tables())));
    beans.put("budgetCalculation", s -> new BudgetCalculationDelegate(s.tables()));
    beans.put("legalClocks", s -> new LegalClocks(s.engine(), s.tables()));
    beans.put("caseChanges", s -> new CaseChanges(s.engine(), new LegalClocks(s.engine(), s.tables())));
    beans.put("caseAction", s -> new CaseActionDelegate(s.caseActions()));
    beans.put("decisionDocument", s -> new DecisionDocumentDelegate());
    beans.put("rulingDocument", s -> new RulingDocumentDelegate());
    beans.put("supportChangeStart", s -> new SupportChangeStartListener());
    beans.put("supportChangeEnd", s -> new SupportChangeEndListener());
    beans.put("budgetLedger", s -> new BudgetLedger(s.engine()));
    beans.put("sopivaStart", s -> new SopivaStartListener());
    return Collections.unmodifiableMap(beans);
  }

  /** All expression beans, by name, built from the engine and a case-number source (the model tests). */
  public static Map<String, Object> processBeans(ProcessEngine engine, CaseNumbers caseNumbers) {
    return processBeans(new Sources(engine, new DmnTables(engine), caseNumbers, new CaseActions(engine)));
  }

  static Map<String, Object> processBeans(Sources sources) {
    Map<String, Object> built = new LinkedHashMap<>();
    BEANS.forEach((name, bean) -> built.put(name, bean.apply(sources)));
    return built;
  }

  static List<FormRules> formRules(DmnTables tables) {
    List<FormRules> rules = new ArrayList<>(StepRules.all());
    rules.add(AssessmentRules.withLatestPrices(tables));
    rules.add(new SupportPlanRules());
    rules.addAll(SupportRules.all());
    rules.addAll(LedgerRules.all());
    rules.addAll(SopivaRules.all());
    rules.addAll(CaseChangeRules.all());
    return rules;
  }

  /**
   * HB's engine flags and plugins (see the class), with the process beans; the engine is injected lazily, since the
   * beans are built while the engine is being configured.
   */
  @Bean
  EngineSettings engineSettings(ReadAccessLog readAccessLog, @Lazy ProcessEngine engine, DmnTables tables,
                                CaseNumbers caseNumbers, CaseActions caseActions) {
    return new EngineSettings(readAccessLog,
        () -> processBeans(new Sources(engine, tables, caseNumbers, caseActions)));
  }

  /** The worker actions on a case (review now, end now): the REST routes and {@code ${caseAction}} share it. */
  @Bean
  CaseActions caseActions(@Lazy ProcessEngine engine) {
    return new CaseActions(engine);
  }

  /** Auto-deployment with stable resource names (see the class). */
  @Bean
  static ModelDeploymentConfiguration modelDeploymentConfiguration() {
    return new ModelDeploymentConfiguration();
  }

  @Bean
  DmnTables dmnTables(@Lazy ProcessEngine engine) {
    return new DmnTables(engine);
  }

  @Bean
  CaseNumbers caseNumbers(DataSource dataSource) {
    return new JdbcCaseNumbers(dataSource);
  }
}
