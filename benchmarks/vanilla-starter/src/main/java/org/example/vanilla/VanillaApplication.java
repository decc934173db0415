package org.example.vanilla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A vanilla Camunda 7 Spring Boot application: the starter's defaults, nothing of its own. */
@SpringBootApplication
public class VanillaApplication {

  public static void main(String[] args) {
    SpringApplication.run(VanillaApplication.class, args);
  }
}
