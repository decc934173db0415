package fi.hbflow.accesslog;

import fi.hbflow.decision.DecisionTexts;
import fi.hbflow.decision.DecisionTexts.Block;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lokiote: the client's log extract of one case (Asiakastietolaki 703/2023 11 §): who used or received the client's
 * data in a period, what data (in plain words), and on what basis, uses and disclosures apart. Built from the case's
 * rows of the read-access log; the wording (headings, sentences, the plain names of groups, purposes and data) is in
 * {@value #RESOURCE} for the process owner to edit (the format of {@link DecisionTexts}). Rendered as a printable HTML
 * page ({@link #html()}) or plain text ({@link #text()}); every value from the log or the case is escaped.
 *
 * <p>The period: by default the two years before the request (11 § 2 mom: older log data only for a special reason);
 * an earlier start needs the reason, which is printed. A user's reads of the same day with the same purpose are one
 * line of the extract (a worker who opens a form reads its variables twice in a second).
 */
public final class LogExtract {

  public static final String RESOURCE = "processes/tekstit/hb-lokiote.txt";
  /** 703/2023 11 § 2 mom: log data older than two years only for a special reason. */
  public static final int YEARS_WITHOUT_REASON = 2;
  /** The shortest special reason accepted (a few words). */
  public static final int MIN_REASON_LENGTH = 10;
  static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");
  private static volatile DecisionTexts standardTexts;

  /**
   * What the extract is asked for.
   *
   * @param businessKey   the case, "HB-2026-000123"
   * @param clientName    the client's name (asiakasNimi), or null if the case has none
   * @param requestDate   the day the client's written request arrived
   * @param from          the first day covered
   * @param to            the last day covered
   * @param specialReason why log data older than two years is given, or null
   * @param producedAt    when the extract was produced
   * @param producer      who produced it: "Tiina Tietosuojavastaava (tietosuojavastaava)"
   */
  public record Request(String businessKey, String clientName, LocalDate requestDate, LocalDate from, LocalDate to,
                        String specialReason, Instant producedAt, String producer) {
    public Request {
      Objects.requireNonNull(businessKey, "businessKey");
      Objects.requireNonNull(requestDate, "requestDate");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(producedAt, "producedAt");
      specialReason = specialReason == null || specialReason.isBlank() ? null : specialReason.strip();
    }
  }

  /** One line of the extract: a user's uses of a day for one purpose, or one disclosure. */
  public record Line(Instant first, Instant last, String who, List<String> data, String basis) {
  }

  private final Request request;
  private final DecisionTexts texts;
  private final List<Line> uses;
  private final List<Line> disclosures;

  /**
   * @param rows the case's rows of the read-access log, in any order; those outside the period are left out
   * @throws IllegalArgumentException a period that cannot be given (in Finnish, for the answer 400)
   */
  public LogExtract(Request request, List<ReadAccess> rows, DecisionTexts texts) {
    this.request = Objects.requireNonNull(request, "request");
    this.texts = Objects.requireNonNull(texts, "texts");
    check(request);
    Instant start = request.from().atStartOfDay(FINLAND).toInstant();
    Instant end = request.to().plusDays(1).atStartOfDay(FINLAND).toInstant();
    List<ReadAccess> inPeriod = rows.stream().filter(r -> !r.at().isBefore(start) && r.at().isBefore(end))
        .sorted(Comparator.comparing(ReadAccess::at)).toList();
    this.uses = uses(inPeriod.stream().filter(r -> !isDisclosure(r)).toList());
    this.disclosures = inPeriod.stream().filter(LogExtract::isDisclosure).map(this::disclosure).toList();
  }

  /** The texts of {@value #RESOURCE} on the classpath, read once. */
  public static DecisionTexts standardTexts() {
    DecisionTexts t = standardTexts;
    if (t == null) {
      t = DecisionTexts.load(RESOURCE);
      standardTexts = t;
    }
    return t;
  }

  /** The first day covered when none is asked: two years before the request. */
  public static LocalDate defaultFrom(LocalDate requestDate) {
    return requestDate.minusYears(YEARS_WITHOUT_REASON);
  }

  /** Refuses a period the law does not let us give, or that makes no sense, in Finnish. */
  static void check(Request r) {
    if (r.from().isAfter(r.to())) {
      throw new IllegalArgumentException("Ajanjakson alku (" + DATE.format(r.from()) + ") on sen lopun ("
          + DATE.format(r.to()) + ") jälkeen.");
    }
    if (r.from().isBefore(defaultFrom(r.requestDate()))) {
      if (r.specialReason() == null || r.specialReason().length() < MIN_REASON_LENGTH) {
        throw new IllegalArgumentException("Yli kaksi vuotta vanhoja lokitietoja annetaan vain erityisestä syystä "
            + "(asiakastietolaki 703/2023 11 § 2 mom). Kirjoita syy (erityinenSyy, vähintään " + MIN_REASON_LENGTH
            + " merkkiä) tai aloita ajanjakso aikaisintaan " + DATE.format(defaultFrom(r.requestDate())) + ".");
      }
    }
  }

  public List<Line> uses() {
    return uses;
  }

  public List<Line> disclosures() {
    return disclosures;
  }

  // ---------------------------------------------------------------- content

  private static boolean isDisclosure(ReadAccess r) {
    return r.disclosure() || r.kind().startsWith("luovutus");
  }

  /** A user's rows of one day with one purpose become one line, in the order of their first read. */
  private List<Line> uses(List<ReadAccess> rows) {
    Map<String, List<ReadAccess>> groups = new LinkedHashMap<>();
    for (ReadAccess r : rows) {
      String day = DATE.format(r.at().atZone(FINLAND));
      groups.computeIfAbsent(day + "\u0000" + r.userId() + "\u0000" + r.purpose(), k -> new ArrayList<>()).add(r);
    }
    List<Line> lines = new ArrayList<>(groups.size());
    for (List<ReadAccess> group : groups.values()) {
      ReadAccess first = group.get(0);
      ReadAccess last = group.get(group.size() - 1);
      lines.add(new Line(first.at(), last.at(), who(last), data(group), basis(first.purpose())));
    }
    return lines;
  }

  private Line disclosure(ReadAccess r) {
    String recipient = r.recipient() == null || r.recipient().isBlank() ? "–" : r.recipient();
    String basis = basis(r.purpose());
    if (r.legalBasis() != null && !r.legalBasis().isBlank()) {
      basis = basis + " Säännös: " + r.legalBasis();
    }
    return new Line(r.at(), r.at(), recipient, data(List.of(r)), basis);
  }

  /** "Sanna Sosiaalityöntekijä, sosiaalityöntekijä (tunnus sanna)". */
  String who(ReadAccess r) {
    return who(texts, r.userId(), r.userName(), r.userGroups());
  }

  /** "Sanna Sosiaalityöntekijä, sosiaalityöntekijä (tunnus sanna)": a user with their role of {@code [ryhmat]}. */
  public static String who(DecisionTexts texts, String userId, String userName, List<String> groups) {
    String name = userName == null || userName.isBlank() ? "Nimi ei tiedossa" : userName;
    return name + ", " + role(texts, groups) + " (tunnus " + userId + ")";
  }

  /** The role of the first group of {@code [ryhmat]} the user was in. */
  static String role(DecisionTexts texts, List<String> groups) {
    Map<String, String> roles = pairs(texts, "ryhmat");
    for (Map.Entry<String, String> e : roles.entrySet()) {
      if (groups != null && groups.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return roles.getOrDefault("*", "työntekijä");
  }

  /** The plain purpose and basis; "asiakastyö: Päätös" adds its step. */
  String basis(String purpose) {
    Map<String, String> purposes = pairs("kayttotarkoitukset");
    String exact = purposes.get(purpose);
    if (exact != null) {
      return exact;
    }
    int colon = purpose.indexOf(':');
    if (colon > 0) {
      String text = purposes.get(purpose.substring(0, colon).strip());
      if (text != null) {
        return text + " Vaihe: " + purpose.substring(colon + 1).strip() + ".";
      }
    }
    return purposes.getOrDefault("*", purpose);
  }

  /** The plain kinds of data of the rows, in the order of {@code [tietoryhmat]}. */
  List<String> data(List<ReadAccess> rows) {
    Map<String, String> kinds = pairs("tietoryhmat");
    Set<String> found = new LinkedHashSet<>();
    Set<String> withoutVariables = new LinkedHashSet<>();
    for (ReadAccess r : rows) {
      if (r.variableNames().isEmpty()) {
        withoutVariables.add(kindOfUse(r.kind()));
      }
      for (String name : r.variableNames()) {
        found.add(kindOf(name, kinds));
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String kind : kinds.keySet().stream().filter(k -> !"*".equals(k)).toList()) {
      if (found.remove(kind)) {
        ordered.add(kind);
      }
    }
    ordered.addAll(found);
    ordered.addAll(withoutVariables);
    return ordered;
  }

  private static String kindOf(String variable, Map<String, String> kinds) {
    String fallback = "muut asian tiedot";
    for (Map.Entry<String, String> e : kinds.entrySet()) {
      if ("*".equals(e.getKey())) {
        fallback = e.getValue();
        continue;
      }
      for (String pattern : e.getValue().split(",")) {
        String p = pattern.strip();
        if (p.endsWith("*") ? variable.startsWith(p.substring(0, p.length() - 1)) : variable.equals(p)) {
          return e.getKey();
        }
      }
    }
    return fallback;
  }

  private String kindOfUse(String kind) {
    Map<String, String> uses = pairs("kayttotavat");
    return uses.getOrDefault(kind, uses.getOrDefault("*", kind));
  }

  Map<String, String> pairs(String section) {
    return pairs(texts, section);
  }

  /** A table section: its "- key = text" lines, in file order. */
  static Map<String, String> pairs(DecisionTexts texts, String section) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (Block block : texts.section(section, Map.of())) {
      for (String line : block.lines()) {
        int eq = line.indexOf(" = ");
        if (eq > 0) {
          pairs.put(line.substring(0, eq).strip(), line.substring(eq + 3).strip());
        }
      }
    }
    return pairs;
  }

  private Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("asianumero", request.businessKey());
    values.put("asiakas", request.clientName());
    values.put("alku", DATE.format(request.from()));
    values.put("loppu", DATE.format(request.to()));
    return values;
  }

  private String one(String section) {
    return String.join("\n\n", texts.section(section, values()).stream()
        .map(b -> String.join("\n", b.lines())).toList());
  }

  private List<String> list(String section) {
    return texts.section(section, values()).stream().flatMap(b -> b.lines().stream()).toList();
  }

  static String when(Line line) {
    ZonedDateTime first = line.first().atZone(FINLAND);
    ZonedDateTime last = line.last().atZone(FINLAND);
    String text = DATE.format(first) + " klo " + TIME.format(first);
    return TIME.format(first).equals(TIME.format(last)) ? text : text + "–" + TIME.format(last);
  }

  private void write(Out out) {
    Map<String, String> labels = pairs("kentat-nimet");
    out.title(one("otsikko"));
    out.field(labels.getOrDefault("asiakas", "Asiakas"), request.clientName());
    out.field(labels.getOrDefault("asia", "Asianumero"), request.businessKey());
    out.field(labels.getOrDefault("palvelunantaja", "Palvelunantaja"), one("palvelunantaja"));
    out.field(labels.getOrDefault("ajanjakso", "Ajanjakso"),
        DATE.format(request.from()) + "–" + DATE.format(request.to()));
    out.field(labels.getOrDefault("erityinenSyy", "Erityinen syy"), request.specialReason());
    out.field(labels.getOrDefault("pyyntopaiva", "Pyyntö saapui"), DATE.format(request.requestDate()));
    ZonedDateTime produced = request.producedAt().atZone(FINLAND);
    out.field(labels.getOrDefault("laadittu", "Ote laadittu"),
        DATE.format(produced) + " klo " + TIME.format(produced));
    out.field(labels.getOrDefault("laatija", "Otteen laati"), request.producer());
    out.text(one("johdanto"));
    if (request.specialReason() != null && request.from().isBefore(defaultFrom(request.requestDate()))) {
      out.text(one("vanhat-tiedot"));
    }
    out.section(one("kaytto-otsikko"));
    table(out, list("kaytto-sarakkeet"), uses, one("kaytto-ei-merkintoja"));
    out.section(one("luovutus-otsikko"));
    table(out, list("luovutus-sarakkeet"), disclosures, one("luovutus-ei-merkintoja"));
    out.text(one("lopuksi"));
  }

  private static void table(Out out, List<String> headers, List<Line> lines, String none) {
    if (lines.isEmpty()) {
      out.text(none);
      return;
    }
    out.table(headers, lines.stream()
        .map(l -> List.of(when(l), l.who(), String.join(", ", l.data()), l.basis())).toList());
  }

  // ---------------------------------------------------------------- formats

  /** A complete, printable HTML5 page (lang="fi", UTF-8, no external resources). */
  public String html() {
    HtmlOut out = new HtmlOut();
    write(out);
    return out.finish(one("otsikko") + " – " + request.businessKey());
  }

  /** The same content as plain text. */
  public String text() {
    TextOut out = new TextOut();
    write(out);
    return out.text.toString().strip() + "\n";
  }

  private interface Out {
    void title(String text);

    void section(String heading);

    void field(String label, String value);

    void text(String text);

    void table(List<String> headers, List<List<String>> rows);
  }

  /** HTML-escaped: {@code & < > " '}. */
  static String esc(String s) {
    return org.springframework.web.util.HtmlUtils.htmlEscape(s, "UTF-8");
  }

  private static final class HtmlOut implements Out {
    private final StringBuilder body = new StringBuilder();
    private int tables;

    @Override
    public void title(String text) {
      body.append("<h1>").append(esc(text)).append("</h1>\n");
    }

    @Override
    public void section(String heading) {
      body.append("<h2 id=\"osio-").append(++tables).append("\">").append(esc(heading)).append("</h2>\n");
    }

    @Override
    public void field(String label, String value) {
      if (value != null && !value.isBlank()) {
        body.append("<p class=\"field\"><strong>").append(esc(label)).append(":</strong> ").append(esc(value))
            .append("</p>\n");
      }
    }

    @Override
    public void text(String text) {
      for (String paragraph : text.strip().split("\\R\\s*\\R")) {
        body.append("<p>").append(esc(paragraph.strip()).replaceAll("\\R", "<br>\n")).append("</p>\n");
      }
    }

    @Override
    public void table(List<String> headers, List<List<String>> rows) {
      body.append("<table aria-labelledby=\"osio-").append(tables).append("\">\n<thead>\n<tr>");
      headers.forEach(h -> body.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
      body.append("</tr>\n</thead>\n<tbody>\n");
      for (List<String> row : rows) {
        body.append("<tr>");
        row.forEach(c -> body.append("<td>").append(esc(c)).append("</td>"));
        body.append("</tr>\n");
      }
      body.append("</tbody>\n</table>\n");
    }

    String finish(String title) {
      return "<!DOCTYPE html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"UTF-8\">\n"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          + "<title>" + esc(title) + "</title>\n"
          + "<style>\n"
          + "@page { size: A4; margin: 20mm 18mm 20mm 20mm; }\n"
          + "body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #000;"
          + " background: #fff; max-width: 172mm; margin: 0 auto; padding: 8mm 0; }\n"
          + "h1 { font-size: 17pt; margin: 0 0 8pt; }\n"
          + "h2 { font-size: 13pt; margin: 16pt 0 5pt; border-bottom: 1px solid #777; break-after: avoid; }\n"
          + "p { margin: 0 0 6pt; }\n"
          + "p.field { margin: 0 0 2pt; }\n"
          + "table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; font-size: 9.5pt; }\n"
          + "th, td { border: 1px solid #777; padding: 2pt 4pt; text-align: left; vertical-align: top; }\n"
          + "tr { break-inside: avoid; page-break-inside: avoid; }\n"
          + "@media print { body { max-width: none; padding: 0; } }\n"
          + "</style>\n</head>\n<body>\n<main>\n"
          + body
          + "</main>\n</body>\n</html>\n";
    }
  }

  private static final class TextOut implements Out {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void title(String t) {
      text.append(t).append('\n').append("=".repeat(t.length())).append("\n\n");
    }

    @Override
    public void section(String heading) {
      text.append('\n').append(heading).append('\n').append("-".repeat(heading.length())).append("\n\n");
    }

    @Override
    public void field(String label, String value) {
      if (value != null && !value.isBlank()) {
        text.append(label).append(": ").append(value.strip().replaceAll("\\s*\\R\\s*", " ")).append('\n');
      }
    }

    @Override
    public void text(String t) {
      text.append('\n').append(t.strip()).append('\n');
    }

    @Override
    public void table(List<String> headers, List<List<String>> rows) {
      for (List<String> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          text.append(i == 0 ? "- " : "  ").append(headers.get(i)).append(": ")
              .append(row.get(i).strip().replaceAll("\\s*\\R\\s*", " ")).append('\n');
        }
        text.append('\n');
      }
    }
  }
}
