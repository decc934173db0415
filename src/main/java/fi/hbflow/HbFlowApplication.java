package fi.hbflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** HB Flow: henkilökohtainen budjetointi (personal budgeting) in disability services, on Camunda 7. */
@SpringBootApplication
public class HbFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(HbFlowApplication.class, args);
  }
}
