package fi.hbflow.research;

import java.util.Map;

/**
 * What the research export reads of one HB case: only the variables it names ({@link ResearchExport#VARIABLES}),
 * never a name, henkilötunnus or free text.
 *
 * @param businessKey the case's key ({@code HB-2026-000123}); only its pseudonym leaves the application
 * @param ended       whether the case has ended
 * @param terminated  whether it was ended from outside (e.g. cancelled in Cockpit) rather than by the process
 * @param values      the latest value of each variable
 * @param firstValues the first value recorded of each event date ({@link ResearchExport#EVENT_DATES}): a later
 *                    re-assessment or new decision must not move the lead time against the legal clock
 * @param processInstanceId the case's process instance (for the read-access log's disclosure row; never exported),
 *                    or null
 */
public record CaseData(String businessKey, boolean ended, boolean terminated, Map<String, Object> values,
                       Map<String, Object> firstValues, String processInstanceId) {

  public CaseData {
    values = Map.copyOf(values);
    firstValues = Map.copyOf(firstValues);
  }

  public CaseData(String businessKey, boolean ended, boolean terminated, Map<String, Object> values,
                  Map<String, Object> firstValues) {
    this(businessKey, ended, terminated, values, firstValues, null);
  }

  /** The first recorded value of an event date, else its latest value. */
  public Object first(String variable) {
    Object first = firstValues.get(variable);
    return first != null ? first : values.get(variable);
  }
}
