package fi.hbflow.casefile;

/** A case variable that is missing or not of its type; the message is Finnish (it may be shown to the worker). */
public class CaseValueException extends IllegalArgumentException {

  public CaseValueException(String message) {
    super(message);
  }
}
