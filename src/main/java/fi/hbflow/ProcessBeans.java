package fi.hbflow;

import fi.hbflow.budget.AssessmentRules;
import fi.hbflow.budget.BudgetCalculationDelegate;
import fi.hbflow.budget.SupportPlanRules;
import fi.hbflow.calendar.LegalClocks;
import fi.hbflow.caseflow.CaseNumbers;
import fi.hbflow.caseflow.CaseOpeningListener;
import fi.hbflow.caseflow.JdbcCaseNumbers;
import fi.hbflow.caseflow.StepRules;
import fi.hbflow.decision.DecisionDocumentDelegate;
import fi.hbflow.engine.DmnTables;
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
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The beans the BPMN names in its expressions: {@code ${caseOpening}}, {@code ${taskRouting}}, {@code ${formCheck}},
 * {@code ${budgetCalculation}}, {@code ${legalClocks}}, {@code ${decisionDocument}}, {@code ${rulingDocument}},
 * {@code ${supportChangeStart}}, {@code ${supportChangeEnd}}, {@code ${budgetLedger}} (declared in LedgerConfig), {@code ${sopivaStart}}, {@code ${caseChanges}}, {@code ${caseAction}}. Tests without Spring build the same objects with {@link #processBeans}.
 */
@Configuration
public class ProcessBeans {

  /** All expression beans, by name, built from the engine and a case-number source. */
  public static Map<String, Object> processBeans(ProcessEngine engine, CaseNumbers caseNumbers) {
    DmnTables tables = new DmnTables(engine);
    LegalClocks clocks = new LegalClocks(engine, tables);
    return Map.ofEntries(
        Map.entry("legalClocks", clocks),
        Map.entry("caseChanges", new fi.hbflow.caseflow.CaseChanges(engine, clocks)),
        Map.entry("caseAction", new fi.hbflow.caseflow.CaseActionDelegate(new fi.hbflow.caseflow.CaseActions(engine))),
        Map.entry("supportChangeStart", new SupportChangeStartListener()),
        Map.entry("supportChangeEnd", new SupportChangeEndListener()),
        Map.entry("decisionDocument", new DecisionDocumentDelegate()),
        Map.entry("rulingDocument", new fi.hbflow.decision.RulingDocumentDelegate()),
        Map.entry("budgetLedger", new BudgetLedger(engine)),
        Map.entry("caseOpening", new CaseOpeningListener(caseNumbers)),
        Map.entry("taskRouting", new TaskRoutingListener(tables)),
        Map.entry("formCheck", new FormCheckListener(formRules(tables))),
        Map.entry("budgetCalculation", new BudgetCalculationDelegate(tables)),
        Map.entry("sopivaStart", new SopivaStartListener()));
  }

  static List<FormRules> formRules(DmnTables tables) {
    List<FormRules> rules = new ArrayList<>(StepRules.all());
    rules.add(AssessmentRules.withLatestPrices(tables));
    rules.add(new SupportPlanRules());
    rules.addAll(SupportRules.all());
    rules.addAll(LedgerRules.all());
    rules.addAll(SopivaRules.all());
    rules.addAll(fi.hbflow.caseflow.CaseChangeRules.all());
    return rules;
  }

  /** Refused forms reach Tasklist and REST callers as HTTP 400 with their message (see the class). */
  @Bean
  fi.hbflow.engine.FormRejectionPlugin formRejectionPlugin() {
    return new fi.hbflow.engine.FormRejectionPlugin();
  }

  /** Every submitted form keeps to its deployed form: only its keys, each of its type (see the class). */
  @Bean
  fi.hbflow.engine.FormContractPlugin formContractPlugin() {
    return new fi.hbflow.engine.FormContractPlugin();
  }

  /** Tasklist's group lists with the authorization check as subqueries, not the engine's join (see the class). */
  @Bean
  fi.hbflow.engine.TaskQueryAuthorizationPlugin taskQueryAuthorizationPlugin() {
    return new fi.hbflow.engine.TaskQueryAuthorizationPlugin();
  }

  /** Auto-deployment with stable resource names (see the class). */
  @Bean
  static fi.hbflow.engine.ModelDeploymentConfiguration modelDeploymentConfiguration() {
    return new fi.hbflow.engine.ModelDeploymentConfiguration();
  }

  @Bean
  DmnTables dmnTables(@Lazy ProcessEngine engine) {
    return new DmnTables(engine);
  }

  @Bean
  CaseNumbers caseNumbers(DataSource dataSource) {
    return new JdbcCaseNumbers(dataSource);
  }

  @Bean
  LegalClocks legalClocks(@Lazy ProcessEngine engine, DmnTables tables) {
    return new LegalClocks(engine, tables);
  }

  @Bean
  fi.hbflow.caseflow.CaseChanges caseChanges(@Lazy ProcessEngine engine, LegalClocks legalClocks) {
    return new fi.hbflow.caseflow.CaseChanges(engine, legalClocks);
  }

  /** The worker actions on a case (review now, end now): the REST routes and {@code ${caseAction}} share it. */
  @Bean
  fi.hbflow.caseflow.CaseActions caseActions(@Lazy ProcessEngine engine) {
    return new fi.hbflow.caseflow.CaseActions(engine);
  }

  @Bean
  fi.hbflow.caseflow.CaseActionDelegate caseAction(fi.hbflow.caseflow.CaseActions caseActions) {
    return new fi.hbflow.caseflow.CaseActionDelegate(caseActions);
  }

  @Bean
  SupportChangeStartListener supportChangeStart() {
    return new SupportChangeStartListener();
  }

  @Bean
  SupportChangeEndListener supportChangeEnd() {
    return new SupportChangeEndListener();
  }

  @Bean
  DecisionDocumentDelegate decisionDocument() {
    return new DecisionDocumentDelegate();
  }

  @Bean
  fi.hbflow.decision.RulingDocumentDelegate rulingDocument() {
    return new fi.hbflow.decision.RulingDocumentDelegate();
  }

  @Bean
  SopivaStartListener sopivaStart() {
    return new SopivaStartListener();
  }

  @Bean
  CaseOpeningListener caseOpening(CaseNumbers caseNumbers) {
    return new CaseOpeningListener(caseNumbers);
  }

  @Bean
  TaskRoutingListener taskRouting(DmnTables tables) {
    return new TaskRoutingListener(tables);
  }

  @Bean
  FormCheckListener formCheck(DmnTables tables) {
    return new FormCheckListener(formRules(tables));
  }

  @Bean
  BudgetCalculationDelegate budgetCalculation(DmnTables tables) {
    return new BudgetCalculationDelegate(tables);
  }
}
