package fi.hbflow.ledger;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The budget-use ledger in the application: the {@code ${budgetLedger}} bean the models call, and HTTP basic
 * authentication on the ledger's REST API {@code /hbflow/api/*} exactly as on {@code /engine-rest} (the caller's own
 * engine user, groups and authorizations).
 */
@Configuration
public class LedgerConfig {

  @Bean
  BudgetLedger budgetLedger(@Lazy ProcessEngine engine) {
    return new BudgetLedger(engine);
  }

  @Bean
  FilterRegistrationBean<Filter> hbflowApiAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/hbflow/api/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("hbflow-api-basic-auth");
    return registration;
  }
}
