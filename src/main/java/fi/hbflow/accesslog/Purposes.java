package fi.hbflow.accesslog;

import fi.hbflow.identity.Roles;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Käyttötarkoitus: the purpose of use the read-access log records with each read (703/2023 10 §), derived from who
 * read and from where. A first, coarse derivation: a later change may let the reader state the purpose.
 */
public final class Purposes {

  public static final String DATA_PROTECTION = "tietosuojavalvonta";
  public static final String ADMINISTRATION = "pääkäyttäjä";
  public static final String CLIENT_WORK = "asiakastyö";
  public static final String SUPERVISION = "toiminnan johtaminen ja valvonta";
  public static final String CLIENT_REQUEST = "asiakkaan tarkastusoikeus (703/2023 11 §)";
  public static final String RESEARCH = "tutkimus ja kehittäminen (pseudonymisoitu tutkimusaineisto)";
  /** The research export's recipient (luovutuksen saaja, 10 § 3 mom): the data set is made for THL. */
  public static final String RESEARCH_RECIPIENT = "Terveyden ja hyvinvoinnin laitos (THL), tutkimusaineistona";
  /**
   * The provision the research export rests on (10 § 3 mom: "luovutuksen perusteena oleva säännös"). UNVERIFIED: the
   * Secondary Use Act 552/2019 is not in law-facts; the data-protection officer must confirm the provision.
   */
  public static final String RESEARCH_BASIS =
      "laki sosiaali- ja terveystietojen toissijaisesta käytöstä 552/2019 (UNVERIFIED: säännös tarkistamatta)";

  private Purposes() {
  }

  /**
   * The purpose of a read by a member of {@code groups}: the data-protection officer's is supervision; the
   * administrator's is administration; a read of a task's data is client work on that step ("asiakastyö: HB-päätös");
   * management's and process owners' reads (Cockpit) are supervision; anything else is client work.
   *
   * @param stepName the name of the task step whose data was read, or null when the read was not of a task
   */
  public static String of(Collection<String> groups, String stepName) {
    Collection<String> in = groups == null ? List.of() : groups;
    if (in.contains(Roles.DATA_PROTECTION)) {
      return DATA_PROTECTION;
    }
    if (in.contains(Groups.CAMUNDA_ADMIN)) {
      return ADMINISTRATION;
    }
    if (stepName != null && !stepName.isBlank()) {
      return CLIENT_WORK + ": " + stepName.strip();
    }
    if (in.contains(Roles.MANAGEMENT) || in.contains(Roles.PROCESS_OWNERS)) {
      return SUPERVISION;
    }
    return CLIENT_WORK;
  }
}
