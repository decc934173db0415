package fi.hbflow.budget;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Euro amounts: parsed exactly from what a worker types, kept in cents, shown the Finnish way ("12 345,67 €"). */
public final class Money {

  private static final Pattern TYPED = Pattern.compile("\\d{1,7}([,.]\\d{1,2})?");

  private Money() {
  }

  /** Cents from text such as "1234,5" or "1234.50"; throws {@link IllegalArgumentException} with a Finnish message. */
  public static long parseCents(String typed) {
    String s = typed == null ? "" : typed.trim().replace(" ", "").replace("\u00a0", "");
    if (s.startsWith("-")) {
      throw new IllegalArgumentException("Summa ei voi olla negatiivinen: " + typed.trim());
    }
    if (!TYPED.matcher(s).matches()) {
      throw new IllegalArgumentException("Summa '" + (typed == null ? "" : typed.trim())
          + "' ei ole euromäärä: kirjoita esim. 1234,50 (enintään 7 numeroa ja 2 desimaalia).");
    }
    return new BigDecimal(s.replace(',', '.')).movePointRight(2).longValueExact();
  }

  public static String format(long cents) {
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    StringBuilder euros = new StringBuilder(Long.toString(abs / 100));
    for (int i = euros.length() - 3; i > 0; i -= 3) {
      euros.insert(i, ' ');
    }
    return sign + euros + "," + String.format("%02d", abs % 100) + " €";
  }

  public static String format(BigDecimal euros) {
    return format(euros.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
  }
}
