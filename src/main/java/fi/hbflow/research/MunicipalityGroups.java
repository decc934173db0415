package fi.hbflow.research;

import java.util.Locale;
import java.util.Map;

/**
 * The municipality of a case as the research export shows it: the two large towns by name, the small municipalities
 * of South Karelia together, everything else together, so that no small municipality makes a cell that identifies a
 * person. The names are the options of {@code kotikunta} in the start form {@code hb-vireilletulo}.
 */
public final class MunicipalityGroups {

  public static final String LAPPEENRANTA = "Lappeenranta";
  public static final String IMATRA = "Imatra";
  /** Lemi, Luumäki, Parikkala, Rautjärvi, Ruokolahti, Savitaipale, Taipalsaari (each under 10 000 inhabitants). */
  public static final String OTHER_SOUTH_KARELIA = "muu Etelä-Karjala";
  /** The start form's "Muu", anything unknown, and no municipality. */
  public static final String OTHER = "muu tai tuntematon";

  private static final Map<String, String> GROUPS = Map.of(
      "lappeenranta", LAPPEENRANTA,
      "imatra", IMATRA,
      "lemi", OTHER_SOUTH_KARELIA,
      "luumäki", OTHER_SOUTH_KARELIA,
      "parikkala", OTHER_SOUTH_KARELIA,
      "rautjärvi", OTHER_SOUTH_KARELIA,
      "ruokolahti", OTHER_SOUTH_KARELIA,
      "savitaipale", OTHER_SOUTH_KARELIA,
      "taipalsaari", OTHER_SOUTH_KARELIA);

  private MunicipalityGroups() {
  }

  /** The group of a municipality ({@code kotikunta}); never the name of a small municipality or free text. */
  public static String of(Object municipality) {
    if (municipality == null) {
      return OTHER;
    }
    return GROUPS.getOrDefault(municipality.toString().trim().toLowerCase(Locale.ROOT), OTHER);
  }
}
