package fi.hbflow.calendar;

import java.util.Locale;

/** The unit of a statutory deadline (määräaika): working days, calendar days or months. */
public enum DeadlineUnit {
  /** Working days (arkipäivä): Monday–Friday that are not holidays. */
  ARKIPAIVA,
  /** Calendar days (päivä). */
  PAIVA,
  /** Calendar months (kuukausi). */
  KUUKAUSI;

  /** The unit from its Finnish word (arkipäivä, päivä, kuukausi), with or without ä, in any case. */
  public static DeadlineUnit parse(String word) {
    String s = word == null ? "" : word.trim().toLowerCase(Locale.ROOT).replace('ä', 'a');
    return switch (s) {
      case "arkipaiva" -> ARKIPAIVA;
      case "paiva" -> PAIVA;
      case "kuukausi" -> KUUKAUSI;
      default -> throw new IllegalArgumentException("Tuntematon määräajan yksikkö '" + (word == null ? "" : word.trim())
          + "': käytä sanaa arkipäivä, päivä tai kuukausi.");
    };
  }
}
