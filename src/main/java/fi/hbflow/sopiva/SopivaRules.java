package fi.hbflow.sopiva;

import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server-side checks of SOPIVA's network work: the co-development event {@code hb-kehittamistapahtuma} (a
 * Kehittämö workshop or a Kohtaamo discussion café) and the training {@code hb-koulutus}. One small rule set per form,
 * the same checks the forms make in the browser and those only the server can make (at least one target group, no more
 * experts by experience than participants, dates in order). Start forms are checked by {@link SopivaStartListener}.
 */
public final class SopivaRules {

  public static final String EVENT_PROCESS = "hb-kehittamistapahtuma";
  public static final String TRAINING_PROCESS = "hb-koulutus";

  // hb-kehittamistapahtuma
  public static final String EVENT_START = "KehittamoAlkaa";
  public static final String EVENT_PLAN = "Task_KehittamoSuunnittelu";
  public static final String EVENT_INVITATIONS = "Task_KehittamoKutsut";
  public static final String EVENT_HELD = "Task_KehittamoToteutuminen";
  public static final String EVENT_OUTCOMES = "Task_KehittamoTulokset";
  public static final String EVENT_FEEDBACK = "Task_KehittamoPalaute";
  public static final String EVENT_REPORT = "Task_KehittamoRaportti";

  // hb-koulutus
  public static final String TRAINING_START = "KoulutusAlkaa";
  public static final String TRAINING_PLAN = "Task_KoulutusSuunnittelu";
  public static final String TRAINING_SESSION = "Task_Koulutuskerta";
  public static final String TRAINING_FEEDBACK = "Task_KoulutusPalaute";
  public static final String TRAINING_REPORT = "Task_KoulutusRaportti";

  public static final Set<String> YES_NO = Set.of("kylla", "ei");
  public static final Set<String> EVENT_TYPES = Set.of("kehittamo", "kohtaamo");
  /** What happens to an event that was not held: planned again with a new date, or cancelled. */
  public static final Set<String> NOT_HELD_NEXT = Set.of("siirretaan", "perutaan");

  /** Checkbox key → the words used in the readable list ({@code kohderyhmat}). */
  static final Map<String, String> TARGET_GROUPS = ordered(
      "kohderyhmaAsiakkaat", "vammaiset henkilöt (asiakkaat)",
      "kohderyhmaLaheiset", "läheiset",
      "kohderyhmaKokemusasiantuntijat", "kokemusasiantuntijat",
      "kohderyhmaAmmattilaiset", "ammattilaiset",
      "kohderyhmaJarjestot", "järjestöt",
      "kohderyhmaPalveluntuottajat", "palveluntuottajat",
      "kohderyhmaPaattajat", "päättäjät ja johto");
  static final Map<String, String> METHODS = ordered(
      "menetelmaDialoginen", "dialoginen verkostotyö",
      "menetelmaPalvelumuotoilu", "palvelumuotoilu",
      "menetelmaToiminnallinen", "toiminnalliset ryhmätyömenetelmät");
  static final Map<String, String> THEMES = ordered(
      "teemaItsemaaraamisoikeus", "itsemääräämisoikeus",
      "teemaOsallisuus", "osallisuus",
      "teemaTuettuPaatoksenteko", "tuettu päätöksenteko",
      "teemaVuorovaikutus", "vuorovaikutus ja kommunikaatio");

  /** Sane maxima: a planned date at most this many years ahead, participants of one event or session, sessions. */
  public static final int YEARS_AHEAD = 2;
  public static final int MAX_PARTICIPANTS = 1000;
  public static final int MAX_SESSIONS = 30;
  public static final int MAX_STAKEHOLDERS = 200;
  /** The running list of held sessions stays within what a String variable holds (4000 characters). */
  static final int SESSION_LOG_MAX = 3900;

  private SopivaRules() {
  }

  /** The rules of every user task of both processes, for {@code ${formCheck}}. */
  public static List<FormRules> all() {
    return List.of(
        FormRules.of(EVENT_PLAN, SopivaRules::eventPlan),
        FormRules.of(EVENT_INVITATIONS, SopivaRules::eventInvitations),
        FormRules.of(EVENT_HELD, SopivaRules::eventHeld),
        FormRules.of(EVENT_OUTCOMES, SopivaRules::eventOutcomes),
        FormRules.of(EVENT_FEEDBACK, SopivaRules::eventFeedback),
        FormRules.of(EVENT_REPORT, SopivaRules::report),
        FormRules.of(TRAINING_PLAN, SopivaRules::trainingPlan),
        FormRules.of(TRAINING_SESSION, SopivaRules::trainingSession),
        FormRules.of(TRAINING_FEEDBACK, SopivaRules::trainingFeedback),
        FormRules.of(TRAINING_REPORT, SopivaRules::report));
  }

  /** The rules of the two start forms, for {@link SopivaStartListener}. */
  public static List<FormRules> starts() {
    return List.of(
        FormRules.of(EVENT_START, SopivaRules::eventStart),
        FormRules.of(TRAINING_START, SopivaRules::trainingStart));
  }

  // ---------------------------------------------------------------- hb-kehittamistapahtuma

  /** KehittamoAlkaa: type, theme, target groups, planned date, place, methods. */
  static void eventStart(FormValues form) {
    form.choice("tapahtumanTyyppi", "Tapahtuman tyyppi", EVENT_TYPES, true);
    form.text("teema", "Teema", true, 3, 200);
    String groups = ticked(form, TARGET_GROUPS, form.text("kohderyhmaMuu", "Muu kohderyhmä", false, 2, 200));
    if (groups == null) {
      form.problem("Kohderyhmät: valitse vähintään yksi kohderyhmä tai kirjoita muu kohderyhmä.");
    } else {
      form.derive("kohderyhmat", groups);
    }
    plannedDate(form);
    form.text("paikka", "Paikka", true, 2, 200);
    String methods = ticked(form, METHODS, form.text("menetelmaMuu", "Muu menetelmä", false, 2, 200));
    if (methods == null) {
      form.problem("Menetelmät: valitse vähintään yksi menetelmä tai kirjoita muu menetelmä.");
    } else {
      form.derive("menetelmat", methods);
    }
  }

  /** Task_KehittamoSuunnittelu: the (possibly new) date and place, agenda, facilitators, accessibility, experts. */
  static void eventPlan(FormValues form) {
    plannedDate(form);
    form.text("paikka", "Paikka", true, 2, 200);
    form.text("ohjelma", "Ohjelma", true, 10, FormValues.MAX_TEXT);
    form.text("fasilitaattorit", "Fasilitaattorit", true, 2, 300);
    form.text("saavutettavuus", "Saavutettavuusjärjestelyt", true, 5, FormValues.MAX_TEXT);
    String invited = form.choice("kokemusasiantuntijatKutsuttu", "Onko kokemusasiantuntijoita kutsuttu", YES_NO, true);
    if ("kylla".equals(invited)) {
      form.text("kokemusasiantuntijat", "Kutsutut kokemusasiantuntijat", true, 2, 300);
    } else {
      form.text("kokemusasiantuntijat", "Kutsutut kokemusasiantuntijat", false, 2, 300);
    }
  }

  /** Task_KehittamoKutsut: stakeholders one per line, the date the invitations went out (not after the event). */
  static void eventInvitations(FormValues form) {
    String list = form.text("sidosryhmat", "Kutsutut sidosryhmät", true, 2, FormValues.MAX_TEXT);
    if (list != null) {
      List<String> lines = lines(list);
      if (lines.size() > MAX_STAKEHOLDERS) {
        form.problem("Kutsutut sidosryhmät: enintään " + MAX_STAKEHOLDERS + " riviä (nyt " + lines.size() + ").");
      } else {
        form.derive("kutsuttujaSidosryhmia", lines.size());
      }
    }
    LocalDate sent = form.pastDate("kutsutLahetetty", "Kutsujen lähetyspäivä", true, null, null);
    LocalDate planned = form.date("suunniteltuPaiva", "Suunniteltu päivä", false);
    if (sent != null && planned != null && sent.isAfter(planned)) {
      form.problem("Kutsujen lähetyspäivä " + sent + " on tapahtuman päivän " + planned + " jälkeen.");
    }
    if (sent != null) {
      form.derive("kutsutLahetetty", sent.toString());
    }
  }

  /**
   * Task_KehittamoToteutuminen, completed after the event: held (on which day), or not held and why, and whether it is
   * planned again (counted in {@code siirtoja}) or cancelled. The answers of an earlier round are cleared.
   */
  static void eventHeld(FormValues form) {
    String held = form.choice("pidettiin", "Pidettiinkö tapahtuma", YES_NO, true);
    if ("kylla".equals(held)) {
      LocalDate day = form.pastDate("toteutunutPaiva", "Toteutunut päivä", true, null, null);
      if (day != null) {
        form.derive("toteutunutPaiva", day.toString());
      }
      form.derive("jatko", null);
    } else if ("ei".equals(held)) {
      String next = form.choice("jatko", "Mitä tapahtumalle tehdään", NOT_HELD_NEXT, true);
      form.text("pitamattaSyy", "Miksi tapahtumaa ei pidetty", true, 5, FormValues.MAX_TEXT);
      form.derive("toteutunutPaiva", null);
      if ("siirretaan".equals(next)) {
        form.derive("siirtoja", count(form.raw("siirtoja")) + 1);
      }
    }
  }

  /** Task_KehittamoTulokset: insights, proposals (required from a Kehittämö), participants and experts among them. */
  static void eventOutcomes(FormValues form) {
    form.text("oivallukset", "Keskeiset havainnot ja oivallukset", true, 10, FormValues.MAX_TEXT);
    boolean workshop = "kehittamo".equals(form.raw("tapahtumanTyyppi"));
    form.text("ehdotukset", "Ehdotukset HB:n valtakunnallisiin periaatteisiin", workshop, workshop ? 10 : 1,
        FormValues.MAX_TEXT);
    Integer participants = form.integer("osallistujia", "Osallistujia", 1, MAX_PARTICIPANTS, true);
    Integer experts = form.integer("kokemusasiantuntijoita", "Joista kokemusasiantuntijoita", 0, MAX_PARTICIPANTS, true);
    if (participants != null && experts != null && experts > participants) {
      form.problem("Kokemusasiantuntijoita (" + experts + ") ei voi olla enemmän kuin osallistujia (" + participants + ").");
    }
  }

  static void eventFeedback(FormValues form) {
    feedback(form, count(form.raw("osallistujia")), "osallistujia");
  }

  // ---------------------------------------------------------------- hb-koulutus

  /** KoulutusAlkaa: the needs survey — working title, target group, what the survey found. */
  static void trainingStart(FormValues form) {
    form.text("koulutuksenNimi", "Koulutuksen työnimi", true, 3, 200);
    form.text("kohderyhma", "Kohderyhmä", true, 2, 300);
    form.integer("kartoituksenVastaajia", "Kartoitukseen vastanneita", 0, 10_000, false);
    form.text("kartoituksenTulokset", "Kartoituksen tulokset", true, 10, FormValues.MAX_TEXT);
  }

  /** Task_KoulutusSuunnittelu: at least one of the four themes, sessions planned, trainers. */
  static void trainingPlan(FormValues form) {
    String themes = ticked(form, THEMES, null);
    String other = form.text("teemaMuu", "Muut aiheet", false, 2, 300);
    if (themes == null) {
      form.problem("Teemat: valitse vähintään yksi teema (itsemääräämisoikeus, osallisuus, tuettu päätöksenteko,"
          + " vuorovaikutus ja kommunikaatio).");
    } else {
      form.derive("teemat", other == null ? themes : themes + ", " + other);
    }
    form.integer("koulutuskertojaSuunniteltu", "Suunniteltuja koulutuskertoja", 1, MAX_SESSIONS, true);
    form.text("kouluttajat", "Kouluttajat", true, 2, 300);
    form.text("koulutuksenTavoitteet", "Tavoitteet", false);
  }

  /**
   * Task_Koulutuskerta, one per session: its date, participants and content, and whether more sessions follow. Adds
   * the session to the running totals {@code pidetytKerrat}, {@code osallistujiaYhteensa} and the list
   * {@code koulutuskerrat}.
   */
  static void trainingSession(FormValues form) {
    LocalDate day = form.pastDate("kerranPaiva", "Koulutuskerran päivä", true, null, null);
    Integer participants = form.integer("kerranOsallistujia", "Osallistujia", 1, MAX_PARTICIPANTS, true);
    String content = form.text("kerranSisalto", "Koulutuskerran sisältö", true, 5, FormValues.MAX_TEXT);
    String more = form.choice("lisaaKertoja", "Onko koulutuskertoja vielä jäljellä", YES_NO, true);
    int held = count(form.raw("pidetytKerrat")) + 1;
    if ("kylla".equals(more) && held >= MAX_SESSIONS) {
      form.problem("Koulutuksessa voi olla enintään " + MAX_SESSIONS + " koulutuskertaa: tämä on kerta " + held
          + ". Valitse, ettei kertoja ole enää jäljellä.");
    }
    if (form.hasProblems()) {
      return;
    }
    form.derive("kerranPaiva", day.toString());
    form.derive("pidetytKerrat", held);
    form.derive("osallistujiaYhteensa", count(form.raw("osallistujiaYhteensa")) + participants);
    Object earlier = form.raw("koulutuskerrat");
    String line = held + ". " + day.getDayOfMonth() + "." + day.getMonthValue() + "." + day.getYear() + " – "
        + participants + " osallistujaa – " + shorten(content.replaceAll("\\s+", " "), 60);
    String log = earlier == null || earlier.toString().isBlank() ? line : earlier + "\n" + line;
    form.derive("koulutuskerrat", log.length() > SESSION_LOG_MAX ? "…" + log.substring(log.length() - SESSION_LOG_MAX) : log);
  }

  static void trainingFeedback(FormValues form) {
    feedback(form, count(form.raw("osallistujiaYhteensa")), "osallistujia kaikilla kerroilla yhteensä");
  }

  // ---------------------------------------------------------------- both

  /** Feedback: summary, the 1–5 average, optionally how many gave feedback (not more than took part). */
  static void feedback(FormValues form, int participants, String participantsLabel) {
    form.text("palautteenYhteenveto", "Palautteen yhteenveto", true, 10, FormValues.MAX_TEXT);
    rating(form, "palautteenKeskiarvo", "Palautteen keskiarvo", true);
    Integer givers = form.integer("palautteenAntajia", "Palautteen antajia", 1, MAX_PARTICIPANTS * MAX_SESSIONS, false);
    if (givers != null && participants > 0 && givers > participants) {
      form.problem("Palautteen antajia (" + givers + ") on enemmän kuin " + participantsLabel + " (" + participants + ").");
    }
  }

  /** The report of an event or a training: the text, published or not, and where. */
  static void report(FormValues form) {
    form.text("raportti", "Raportti", true, 20, FormValues.MAX_TEXT);
    String published = form.choice("julkaistu", "Onko raportti julkaistu", YES_NO, true);
    form.text("julkaisupaikka", "Missä raportti on julkaistu", "kylla".equals(published), 3, 500);
    form.text("jatkotoimet", "Jatkotoimet", false);
  }

  /** A planned date: today or later, at most {@link #YEARS_AHEAD} years ahead; kept as "2026-11-25". */
  static LocalDate plannedDate(FormValues form) {
    LocalDate day = form.date("suunniteltuPaiva", "Suunniteltu päivä", true);
    if (day == null) {
      return null;
    }
    if (day.isBefore(form.today())) {
      form.problem("Suunniteltu päivä " + day + " on jo mennyt: valitse tuleva päivä.");
    } else if (day.isAfter(form.today().plusYears(YEARS_AHEAD))) {
      form.problem("Suunniteltu päivä " + day + " on yli " + YEARS_AHEAD + " vuoden päässä.");
    } else {
      form.derive("suunniteltuPaiva", day.toString());
    }
    return day;
  }

  /**
   * A rating average 1–5 as the form submits it (a number) or as typed ("4,3"), kept as a number with at most two
   * decimals.
   */
  static BigDecimal rating(FormValues form, String key, String label, boolean required) {
    Object v = form.raw(key);
    if (form.missing(key, label, required)) {
      return null;
    }
    BigDecimal n;
    try {
      n = new BigDecimal(v.toString().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      form.problem(label + ": '" + v + "' ei ole luku (esim. 4,2).");
      return null;
    }
    if (n.compareTo(BigDecimal.ONE) < 0 || n.compareTo(BigDecimal.valueOf(5)) > 0) {
      form.problem(label + ": asteikko on 1–5, annettu " + n.toPlainString().replace('.', ',') + ".");
      return null;
    }
    BigDecimal rounded = n.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    form.derive(key, rounded.doubleValue());
    return rounded;
  }

  /**
   * The labels of the ticked checkboxes (true as the form submits it, or "true"), and {@code other} last, comma
   * separated; null when nothing is ticked and there is no other.
   */
  static String ticked(FormValues form, Map<String, String> checkboxes, String other) {
    List<String> chosen = new ArrayList<>();
    checkboxes.forEach((key, label) -> {
      Object v = form.raw(key);
      if (Boolean.TRUE.equals(v) || (v != null && "true".equalsIgnoreCase(v.toString().trim()))) {
        chosen.add(label);
      }
    });
    if (other != null) {
      chosen.add(other);
    }
    return chosen.isEmpty() ? null : String.join(", ", chosen);
  }

  /** The non-blank lines of a text, trimmed. */
  static List<String> lines(String text) {
    return text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** A running count kept by the process (null before the first). */
  static int count(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value == null || value.toString().isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1).trim() + "…";
  }

  private static Map<String, String> ordered(String... keysAndLabels) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndLabels.length; i += 2) {
      map.put(keysAndLabels[i], keysAndLabels[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
