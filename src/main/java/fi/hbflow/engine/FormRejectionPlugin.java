package fi.hbflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets a form refused by a task listener reach the caller as the engine's form-validation exception. The engine wraps
 * every task-listener exception in a generic one, which {@code /engine-rest} answers with HTTP 500; unwrapped, the
 * REST API answers 400 with the Finnish message, and Tasklist shows it. The transaction has rolled back either way.
 */
public class FormRejectionPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new Unwrap());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof FormFieldValidationException rejected) {
            throw rejected;
          }
        }
        throw e;
      }
    }
  }
}
