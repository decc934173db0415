package fi.hbflow;

import fi.hbflow.engine.ModelSafetyPlugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the models' expressions may name: HB's process beans (see {@link ProcessBeans}), nothing else of the
 * application's Spring context, and every step checked (see {@link ModelSafetyPlugin}). Deployments are checked and
 * logged by the same plugin.
 */
@Configuration
public class ModelSafetyConfig {

  /** The beans the models name, {@code ${caseOpening}} … (the keys of {@link ProcessBeans#processBeans}). */
  public static final List<String> PROCESS_BEAN_NAMES = List.of("caseOpening", "taskRouting", "formCheck",
      "budgetCalculation", "legalClocks", "decisionDocument", "rulingDocument", "supportChangeStart",
      "supportChangeEnd", "budgetLedger", "sopivaStart", "caseChanges", "caseAction");

  @Bean
  ModelSafetyPlugin modelSafetyPlugin(ListableBeanFactory context) {
    return new ModelSafetyPlugin(() -> {
      Map<String, Object> beans = new LinkedHashMap<>();
      for (String name : PROCESS_BEAN_NAMES) {
        beans.put(name, context.getBean(name));
      }
      return beans;
    });
  }
}
