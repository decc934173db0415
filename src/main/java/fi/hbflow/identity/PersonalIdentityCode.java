package fi.hbflow.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Henkilötunnus (Finnish personal identity code): DDMMYY, century sign, individual number ZZZ, check character.
 * Century signs: {@code +} 1800s; {@code - Y X W V U} 1900s; {@code A B C D E F} 2000s (the extra signs since 2023).
 */
public final class PersonalIdentityCode {

  private static final Pattern FORMAT = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})([-+ABCDEFYXWVU])(\\d{3})([0-9A-Y])");
  private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

  private final String code;
  private final LocalDate birthDate;

  private PersonalIdentityCode(String code, LocalDate birthDate) {
    this.code = code;
    this.birthDate = birthDate;
  }

  /** Parses a code, or throws {@link InvalidIdentityCodeException} with a Finnish message that names the fault. */
  public static PersonalIdentityCode parse(String input) {
    if (input == null || input.isBlank()) {
      throw new InvalidIdentityCodeException("Henkilötunnus puuttuu.");
    }
    String code = input.trim().toUpperCase();
    Matcher m = FORMAT.matcher(code);
    if (!m.matches()) {
      throw new InvalidIdentityCodeException("Henkilötunnus '" + input.trim()
          + "' on väärän muotoinen: muoto on PPKKVV, välimerkki (+, -, Y, X, W, V, U, A–F), kolme numeroa ja tarkiste, esim. 010190-123M.");
    }
    int century = centuryOf(m.group(4).charAt(0));
    LocalDate birthDate;
    try {
      birthDate = LocalDate.of(century + Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    } catch (DateTimeException e) {
      throw new InvalidIdentityCodeException("Henkilötunnuksen syntymäaika " + m.group(1) + "." + m.group(2) + "."
          + m.group(3) + " ei ole olemassa oleva päivämäärä.");
    }
    int individual = Integer.parseInt(m.group(5));
    if (individual < 2) {
      throw new InvalidIdentityCodeException("Henkilötunnuksen yksilönumero " + m.group(5) + " ei ole käytössä (sallittu 002–999).");
    }
    char expected = checkCharacter(m.group(1) + m.group(2) + m.group(3) + m.group(5));
    if (code.charAt(10) != expected) {
      throw new InvalidIdentityCodeException("Henkilötunnuksen tarkiste ei täsmää: tarkista numerot (tarkiste olisi '"
          + expected + "', annettu '" + code.charAt(10) + "').");
    }
    return new PersonalIdentityCode(code, birthDate);
  }

  /** A valid code, or empty; for callers that only need yes or no. */
  public static Optional<PersonalIdentityCode> tryParse(String input) {
    try {
      return Optional.of(parse(input));
    } catch (InvalidIdentityCodeException e) {
      return Optional.empty();
    }
  }

  static char checkCharacter(String nineDigits) {
    return CHECK_CHARACTERS.charAt((int) (Long.parseLong(nineDigits) % 31));
  }

  private static int centuryOf(char sign) {
    if (sign == '+') {
      return 1800;
    }
    if ("-YXWVU".indexOf(sign) >= 0) {
      return 1900;
    }
    return 2000; // A–F
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public int ageOn(LocalDate date) {
    return Period.between(birthDate, date).getYears();
  }

  /** The code in its canonical (upper-case, trimmed) form. */
  public String value() {
    return code;
  }

  @Override
  public String toString() {
    return code.substring(0, 6) + "-****"; // never log the whole code
  }

  public static class InvalidIdentityCodeException extends IllegalArgumentException {
    public InvalidIdentityCodeException(String message) {
      super(message);
    }
  }
}
