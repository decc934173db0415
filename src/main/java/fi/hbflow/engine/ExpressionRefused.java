package fi.hbflow.engine;

import org.camunda.bpm.engine.exception.NotValidException;

/**
 * An expression of a model tried to use something models may not use (see {@link ExpressionPolicy}). The message
 * says so in Finnish and names nothing of what was reached for; the REST API answers it with HTTP 400, and the
 * transaction rolls back.
 */
public class ExpressionRefused extends NotValidException {

  public static final String MESSAGE = "Mallin lauseke yritti käyttää jotain, mikä ei malleissa ole sallittua. "
      + "Lausekkeet saavat käyttää vain prosessin muuttujia, execution- ja task-olioiden muuttujia ja perustietoja "
      + "sekä HB:n omia palveluja (caseOpening, legalClocks …). Mitään ei tallennettu.";

  public ExpressionRefused() {
    super(MESSAGE);
  }

  /** A refusal with its own Finnish message (a script: see {@link NoScriptEngines}). */
  public ExpressionRefused(String message) {
    super(message);
  }
}
