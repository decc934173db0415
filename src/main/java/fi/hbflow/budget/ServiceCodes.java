package fi.hbflow.budget;

/**
 * Which service code a recorded code stands for today. A case assessed before a service was renamed keeps its variable
 * {@code tarve_<OLD CODE>}; the budget is calculated, named and given its legal basis under the current code. In the
 * application the mapping is the DMN table {@code hb-palvelukoodit} (see {@link DmnServiceCodes}).
 */
@FunctionalInterface
public interface ServiceCodes {

  /** No renamed codes: every code is current. */
  ServiceCodes NONE = code -> code;

  /** The current code for {@code code}; {@code code} itself when it has not been renamed. */
  String current(String code);
}
