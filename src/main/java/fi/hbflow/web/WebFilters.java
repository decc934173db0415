package fi.hbflow.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HB Flow's servlet filters around the REST APIs, the webapps' API and the actuator (the login filter of
 * {@code /engine-rest} and {@code /hbflow/api} is identity's {@code IdentityConfig}).
 */
@Configuration(proxyBeanMethods = false)
public class WebFilters {

  /** Size limits on the REST APIs' requests (see {@link RequestSizeLimitFilter}); before authentication and the engine. */
  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestLimits(
      @Value("${hbflow.rest.max-request-bytes:262144}") long maxBytes,
      @Value("${hbflow.rest.max-deployment-bytes:10485760}") long maxDeploymentBytes,
      @Value("${hbflow.rest.max-form-fields:200}") int maxFields) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes, maxDeploymentBytes, maxFields));
    registration.addUrlPatterns("/engine-rest/*", "/hbflow/api/*", "/camunda/api/*");
    registration.setName("rest-request-limits");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /** Answers a worker can read: 409 for a task completed twice at once, refusals without the English prefix. */
  @Bean
  FilterRegistrationBean<FormSubmissionAnswerFilter> workerAnswers(ProcessEngine engine) {
    FilterRegistrationBean<FormSubmissionAnswerFilter> registration = new FilterRegistrationBean<>(
        new FormSubmissionAnswerFilter(new CompletedTasks(engine)));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setName("worker-answers");
    return registration;
  }

  /**
   * Least rights in the web layer: the engine's refusals of a missing permission answered in Finnish on
   * {@code /engine-rest} and the webapps' API. (What each group may do is seeded by {@code IdentitySetup}; the engine
   * settings that make a task's candidates work it without changing variables are in {@code EngineSettings}.)
   */
  @Bean
  FilterRegistrationBean<ForbiddenInFinnishFilter> finnishRefusals() {
    FilterRegistrationBean<ForbiddenInFinnishFilter> registration =
        new FilterRegistrationBean<>(new ForbiddenInFinnishFilter());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setName("finnish-refusals");
    return registration;
  }

  /** {@code /actuator/prometheus}: basic auth of a user in johto or prosessinomistajat. */
  @Bean
  FilterRegistrationBean<PrometheusBasicAuthFilter> prometheusAccess(ProcessEngine engine) {
    FilterRegistrationBean<PrometheusBasicAuthFilter> registration =
        new FilterRegistrationBean<>(new PrometheusBasicAuthFilter(engine.getIdentityService()));
    registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
    registration.setName("prometheus-access");
    return registration;
  }
}
