package fi.hbflow.identity;

import java.util.List;

/** The Camunda groups of HB Flow: who works which step. Ids are what BPMN, DMN and filters refer to. */
public final class Roles {

  public static final String SERVICE_COORDINATION = "palveluohjaus";
  public static final String SOCIAL_WORK = "sosiaalityo";
  public static final String HB_RESPONSIBLE = "hb-vastuuhenkilot";
  public static final String LEADING_SOCIAL_WORKERS = "johtavat-sosiaalityontekijat";
  public static final String SERVICE_MANAGERS = "palvelupaallikot";
  public static final String INDIVIDUAL_MATTERS_SECTION = "yksilojaosto";
  public static final String PROCESS_OWNERS = "prosessinomistajat";
  public static final String MANAGEMENT = "johto";

  /** A group, its Finnish name, and the demo user who belongs to it (demo profile only). */
  public record Role(String groupId, String name, String demoUser, String demoUserName, boolean startsCases, boolean worksTasks) {
  }

  public static final List<Role> ALL = List.of(
      new Role(SERVICE_COORDINATION, "Palveluohjaus", "palveluohjaaja", "Pia Palveluohjaaja", true, true),
      new Role(SOCIAL_WORK, "Sosiaalityö", "sosiaalityontekija", "Sanna Sosiaalityöntekijä", true, true),
      new Role(HB_RESPONSIBLE, "HB-vastuuhenkilöt", "hbvastuuhenkilo", "Heikki HB-vastuuhenkilö", false, true),
      new Role(LEADING_SOCIAL_WORKERS, "Johtavat sosiaalityöntekijät", "johtava", "Johanna Johtava", false, true),
      new Role(SERVICE_MANAGERS, "Palvelupäälliköt", "palvelupaallikko", "Paavo Palvelupäällikkö", false, true),
      new Role(INDIVIDUAL_MATTERS_SECTION, "Yksilöasioiden jaosto", "jaosto", "Jaana Jaosto", false, true),
      new Role(PROCESS_OWNERS, "Prosessinomistajat", "prosessinomistaja", "Olli Omistaja", false, false),
      new Role(MANAGEMENT, "Johto", "johtaja", "Jorma Johtaja", false, false));

  private Roles() {
  }
}
