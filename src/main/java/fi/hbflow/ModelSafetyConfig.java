package fi.hbflow;

import fi.hbflow.engine.ModelSafetyPlugin;
import java.util.List;

/**
 * What the models' expressions may name: HB's process beans (see {@link ProcessBeans}), nothing else of the
 * application's Spring context, and every step checked (see {@link ModelSafetyPlugin}, one of the
 * {@code EngineSettings}). Deployments are checked and logged by the same plugin.
 */
public final class ModelSafetyConfig {

  /** The beans the models name, {@code ${caseOpening}} … (the names of {@link ProcessBeans#BEANS}). */
  public static final List<String> PROCESS_BEAN_NAMES = ProcessBeans.NAMES;

  private ModelSafetyConfig() {
  }
}
