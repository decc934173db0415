package fi.hbflow.engine;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * Text the application writes for the forms (budget breakdown, plan, decision document) can be longer than the
 * 4 000 characters a string variable holds in the engine's database; such text is kept as a JSON-serialised string
 * object instead, which has no length limit and which Tasklist passes to the form as text.
 */
public final class LongText {

  private LongText() {
  }

  public static ObjectValue of(String text) {
    return Variables.objectValue(text).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }
}
