package fi.hbflow;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** The in-memory engine of the model tests: {@code @RegisterExtension static ProcessEngineExtension ENGINE = TestEngine.extension();} */
public final class TestEngine {

  private TestEngine() {
  }

  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().configurationResource("hb-process-engine.cfg.xml").build();
  }
}
