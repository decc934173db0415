package fi.hbflow.engine;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * No script runs in HB Flow, in any language (JUEL as a script included: its script engine resolves Java beans on
 * its own, outside {@link GuardedElResolver}). Deployments with scripts are refused ({@link ModelRules}); this is the
 * second line, for anything deployed before: a script meets this answer instead of a script engine.
 */
public class NoScriptEngines implements ScriptEngineResolver {

  public static final String MESSAGE = "Skriptit eivät ole käytössä HB Flow'ssa: mallin skriptiä ei suoritettu. "
      + "Käytä lauseketta (${...}) tai HB:n palvelua.";

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
    // none is used
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return new ScriptEngineManager(ClassLoader.getPlatformClassLoader());
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
    throw new ExpressionRefused(MESSAGE);
  }
}
