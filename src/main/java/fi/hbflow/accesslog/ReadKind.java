package fi.hbflow.accesslog;

/** The kinds of access the read-access log names, with the Finnish text stored in the log. */
public enum ReadKind {
  /** A task's form opened (Tasklist: the form's variables). */
  TASK_FORM("tehtävän lomake"),
  /** A task's variables (the task's and its case's). */
  TASK_VARIABLES("tehtävän tiedot"),
  /** A case's (process instance's or execution's) variables. */
  CASE_VARIABLES("asian tiedot"),
  /** Variables found by a search (REST /variable-instance, Cockpit, a Tasklist filter's columns). */
  VARIABLE_SEARCH("tietojen haku"),
  /** The latest values kept in the case's history (REST /history/variable-instance). */
  HISTORIC_VARIABLES("asian historia: tiedot"),
  /** Every recorded change of the case's variables or submitted form fields (REST /history/detail). */
  HISTORIC_CHANGES("asian historia: muutokset"),
  /** The inputs and outputs of a decision table evaluated in the case (REST /history/decision-instance). */
  DECISION_INPUTS("päätöstaulun syötteet ja tulokset"),
  /** The variables returned to the caller who completed a task ("with variables in return"). */
  RETURNED_ON_COMPLETION("tehtävän tallennuksen palauttamat tiedot"),
  /** The variables returned to the caller of a message correlation ("variables in result"). */
  RETURNED_ON_MESSAGE("viestin palauttamat tiedot"),
  /** The case's read-access log itself. */
  ACCESS_LOG("lukuloki"),
  /** The client's log extract (lokiote, 703/2023 11 §) of the case: the log and the client's name. */
  LOG_EXTRACT("lokiote"),
  /** The case in the pseudonymised research export: a disclosure. */
  RESEARCH_EXPORT("luovutus: tutkimusaineisto (pseudonymisoitu)");

  private final String label;

  ReadKind(String label) {
    this.label = label;
  }

  /** The Finnish text stored in the log. */
  public String label() {
    return label;
  }
}
