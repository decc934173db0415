package fi.hbflow.identity;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Roles at start-up, and HTTP basic authentication on {@code /engine-rest} and HB Flow's own API {@code /hbflow/api},
 * so that REST calls carry the caller's engine user, groups and authorizations.
 */
@Configuration
public class IdentityConfig {

  private final ProcessEngine engine;
  private final boolean demoUsers;
  private final String demoPassword;

  IdentityConfig(ProcessEngine engine,
                 @Value("${hbflow.demo-users.enabled:false}") boolean demoUsers,
                 @Value("${hbflow.demo-users.password:demo}") String demoPassword) {
    this.engine = engine;
    this.demoUsers = demoUsers;
    this.demoPassword = demoPassword;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seedRoles() {
    new IdentitySetup(engine).seed(demoUsers, demoPassword);
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*", "/hbflow/api/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("rest-basic-auth");
    return registration;
  }
}
