package fi.hbflow.accesslog;

import fi.hbflow.engine.ReadAccessLogPlugin;
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

  /** Every read of case data by a logged-in user, whichever door it came through (see the class). */
  @Bean
  ReadAccessLogPlugin readAccessLogPlugin(ReadAccessLog readAccessLog) {
    return new ReadAccessLogPlugin(readAccessLog);
  }
}
