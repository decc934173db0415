package fi.hbflow.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
  public static final String DEVELOPERS = "kehittajat";
  /** The data-protection officer (tietosuojavastaava): reads the read-access log of a case; no engine rights. */
  public static final String DATA_PROTECTION = "tietosuoja";

  /**
   * The groups whose members are social-welfare professionals in public office (virkasuhteessa oleva sosiaalihuollon
   * ammattihenkilö), the only ones who may decide a disabled person's services (Vammaispalvelulaki 675/2023 5 § 1 mom).
   * Every decision row of the delegation rules ({@code hb-delegointisaannot.dmn}) must name one of them; a test
   * checks it. Which of the county's posts are such offices is the county's own staffing; change the list here when
   * a new deciding group is made.
   */
  public static final List<String> DECIDERS_IN_PUBLIC_OFFICE = List.of(SOCIAL_WORK, LEADING_SOCIAL_WORKERS,
      SERVICE_MANAGERS);

  /** A group, its Finnish name, and the demo user who belongs to it (demo profile only). */
  public record Role(String groupId, String name, String demoUser, String demoUserName, List<String> starts,
                     boolean worksTasks) {
    public boolean startsCases() {
      return !starts.isEmpty();
    }
  }

  /** What the case workers start in Tasklist: a new HB case, a change of supporter. */
  static final List<String> CASE_PROCESSES = List.of("hb-palveluprosessi", "hb-tuen-valinta");
  /**
   * The worker action on a running HB case (issue 21 item 7: HB ends at once, or the review is done now), started in
   * Tasklist by the case's social workers; the same groups may use its REST routes ({@link #startersOf}).
   */
  public static final String CASE_CHANGE_PROCESS = "hb-asian-muutos";
  /** What the social workers start: the case processes and the worker action on a running case. */
  static final List<String> SOCIAL_WORK_PROCESSES = Stream.concat(CASE_PROCESSES.stream(),
      Stream.of(CASE_CHANGE_PROCESS)).toList();
  /** What the development workers start: SOPIVA's co-development events and trainings. */
  static final List<String> DEVELOPMENT_PROCESSES = List.of("hb-kehittamistapahtuma", "hb-koulutus");

  public static final List<Role> ALL = List.of(
      new Role(SERVICE_COORDINATION, "Palveluohjaus", "palveluohjaaja", "Pia Palveluohjaaja", CASE_PROCESSES, true),
      new Role(SOCIAL_WORK, "Sosiaalityö", "sosiaalityontekija", "Sanna Sosiaalityöntekijä", SOCIAL_WORK_PROCESSES,
          true),
      new Role(HB_RESPONSIBLE, "HB-vastuuhenkilöt", "hbvastuuhenkilo", "Heikki HB-vastuuhenkilö", List.of(), true),
      new Role(LEADING_SOCIAL_WORKERS, "Johtavat sosiaalityöntekijät", "johtava", "Johanna Johtava",
          List.of(CASE_CHANGE_PROCESS), true),
      new Role(SERVICE_MANAGERS, "Palvelupäälliköt", "palvelupaallikko", "Paavo Palvelupäällikkö", List.of(), true),
      new Role(INDIVIDUAL_MATTERS_SECTION, "Yksilöasioiden jaosto", "jaosto", "Jaana Jaosto", List.of(), true),
      new Role(PROCESS_OWNERS, "Prosessinomistajat", "prosessinomistaja", "Olli Omistaja", List.of(), false),
      new Role(MANAGEMENT, "Johto", "johtaja", "Jorma Johtaja", List.of(), false),
      new Role(DEVELOPERS, "Kehittäjät", "kehittaja", "Kaisa Kehittäjä", DEVELOPMENT_PROCESSES, true),
      new Role(DATA_PROTECTION, "Tietosuojavastaava", "tietosuojavastaava", "Tiina Tietosuojavastaava", List.of(),
          false));

  /** The groups that start this process in Tasklist (CREATE_INSTANCE on it: {@code IdentitySetup}). */
  public static Set<String> startersOf(String processKey) {
    return ALL.stream().filter(r -> r.starts().contains(processKey)).map(Role::groupId)
        .collect(Collectors.toUnmodifiableSet());
  }

  private Roles() {
  }
}
