package fi.hbflow.caseflow;

/** Hands out the running number of a case (asianumero) per year: HB-2026-000123. */
public interface CaseNumbers {

  long next(int year);

  static String businessKey(int year, long number) {
    return String.format("HB-%d-%06d", year, number);
  }
}
