package fi.hbflow.accesslog;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-access log in the application: kept in the application's database, written by the engine plugin. */
@Configuration
public class AccessLogConfig {

  @Bean
  ReadAccessLog readAccessLog(DataSource dataSource) {
    return new JdbcReadAccessLog(dataSource);
  }
}
