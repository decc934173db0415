package fi.hbflow.identity;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Least rights in the web layer: the engine's refusals of a missing permission answered in Finnish on
 * {@code /engine-rest} and the webapps' API. (What each group may do is seeded by {@link IdentitySetup}; the engine
 * settings that make a task's candidates work it without changing variables are in application.yaml.)
 */
@Configuration
public class LeastRightsConfig {

  @Bean
  FilterRegistrationBean<FinnishRefusalFilter> finnishRefusals() {
    FilterRegistrationBean<FinnishRefusalFilter> registration = new FilterRegistrationBean<>(new FinnishRefusalFilter());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setName("finnish-refusals");
    return registration;
  }
}
