package fi.hbflow.ledger;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The budget-use ledger in the application: the {@code ${budgetLedger}} bean the models call. Its REST API
 * {@code /hbflow/api/*} is authenticated like {@code /engine-rest} (see {@code IdentityConfig}).
 */
@Configuration
public class LedgerConfig {

  @Bean
  BudgetLedger budgetLedger(@Lazy ProcessEngine engine) {
    return new BudgetLedger(engine);
  }
}
