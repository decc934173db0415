package fi.hbflow.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Size limits on the REST APIs' requests (see {@link RequestLimitsFilter}); before authentication and the engine. */
@Configuration(proxyBeanMethods = false)
public class RequestLimitsConfig {

  @Bean
  FilterRegistrationBean<RequestLimitsFilter> requestLimits(
      @Value("${hbflow.rest.max-request-bytes:262144}") long maxBytes,
      @Value("${hbflow.rest.max-deployment-bytes:10485760}") long maxDeploymentBytes,
      @Value("${hbflow.rest.max-form-fields:200}") int maxFields) {
    FilterRegistrationBean<RequestLimitsFilter> registration =
        new FilterRegistrationBean<>(new RequestLimitsFilter(maxBytes, maxDeploymentBytes, maxFields));
    registration.addUrlPatterns("/engine-rest/*", "/hbflow/api/*", "/camunda/api/*");
    registration.setName("rest-request-limits");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
