package fi.hbflow.production;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application as production runs it, on a random port: no demo users, an administrator of the test's own
 * (whose password is {@link #ADMIN_PASSWORD}), an in-memory database. Every security test class carries this one
 * annotation, so Spring starts the application once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:security-it;DB_CLOSE_DELAY=-1",
    "hbflow.demo-users.enabled=false",
    "camunda.bpm.admin-user.id=paakayttaja",
    "camunda.bpm.admin-user.password=" + ProductionLikeApplication.ADMIN_PASSWORD})
@interface ProductionLikeApplication {

  String ADMIN_PASSWORD = "Pääkäyttäjän-salasana-1";
}
