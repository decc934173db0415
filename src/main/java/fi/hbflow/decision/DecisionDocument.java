package fi.hbflow.decision;

import fi.hbflow.casefile.HbCaseFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.identity.Roles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The written HB decision (päätös), generated from the case's process variables (docs/variables.md), in plain Finnish
 * (selkeä yleiskieli). The content is written once ({@link #write}) and rendered two ways: a printable HTML page and
 * Markdown for a Camunda Form text component. Every value from the case is escaped for the format: client-typed text
 * never becomes markup. A missing optional value leaves its line out.
 */
public final class DecisionDocument {

  /**
   * The rectification facts (oikaisuvaatimusohje) the decision must carry, Hallintolaki 49 b–49 e §.
   *
   * @param recipient to whom the request is made ({@code oikaisuvaatimuksenVastaanottaja}), e.g. "Hyvinvointialueen
   *     yksilöasioiden jaosto"; required
   * @param address postal address and/or e-mail ({@code oikaisuvaatimuksenOsoite}); optional
   * @param lastDay the last day of the 30-day period; {@code null} while the client has not been notified
   */
  public record Rectification(String recipient, String address, LocalDate lastDay) {
    public Rectification {
      if (recipient == null || recipient.isBlank()) {
        throw new IllegalArgumentException("Oikaisuvaatimuksen vastaanottaja puuttuu.");
      }
    }
  }

  static final DateTimeFormatter FINNISH_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  /** Vammaispalvelulaki 675/2023 in force (41 § 1 mom); a case pending before it is decided under 380/1987 (42 § 2 mom). */
  static final LocalDate NEW_DISABILITY_LAW = LocalDate.of(2025, 1, 1);
  static final String TITLE = "Päätös henkilökohtaisesta budjetoinnista";

  private final Map<String, ?> variables;
  private final Rectification rectification;
  private final boolean granted;
  private final DecisionTexts texts = DecisionTexts.standard();

  /**
   * @param variables the case's process variables; {@code paatos} must be "myonnetty" or "hylatty"
   * @param rectification to whom, where and by when a rectification request is made
   */
  public DecisionDocument(Map<String, ?> variables, Rectification rectification) {
    this.variables = Objects.requireNonNull(variables, "variables");
    this.rectification = Objects.requireNonNull(rectification, "rectification");
    String decision = text(HbCaseFile.DECISION);
    if (!"myonnetty".equals(decision) && !"hylatty".equals(decision)) {
      throw new IllegalArgumentException("Päätös puuttuu tai on tuntematon (paatos = " + decision + ").");
    }
    this.granted = "myonnetty".equals(decision);
  }

  /** A complete, printable HTML5 page (UTF-8, A4, no external resources). */
  public String html() {
    HtmlOut out = new HtmlOut();
    write(out);
    return out.finish(text(HbCaseFile.CASE_KEY));
  }

  /** The same content as Markdown, for a Camunda Form text component. */
  public String markdown() {
    MarkdownOut out = new MarkdownOut();
    write(out);
    return out.finish();
  }

  // ---------------------------------------------------------------- content (once, for both formats)

  private void write(Out out) {
    out.title(TITLE);
    out.field("Asianumero", text(HbCaseFile.CASE_KEY));
    out.field("Päätöspäivä", date(HbCaseFile.DECISION_DATE));
    out.field("Asia tuli vireille", date(HbCaseFile.PENDING_SINCE));

    out.section("Asiakas");
    out.field("Nimi", text(HbCaseFile.CLIENT_NAME));
    out.field("Henkilötunnus", maskedIdentityCode());
    out.field("Kotikunta", text(HbCaseFile.MUNICIPALITY));

    String total = text(HbCaseFile.BUDGET_TOTAL_TEXT);
    String period = period();
    out.section("Päätös");
    if (granted) {
      out.text("Sinulle myönnetään henkilökohtainen budjetti.");
      if (total != null) {
        out.text("Budjetti on yhteensä " + total + (period != null ? " ajalle " + period : "") + ".");
      }
      out.text("Budjetilla hankitaan ne palvelut, jotka on kirjattu tukisuunnitelmaasi. "
          + "Rahaa ei makseta tilillesi. Palvelut hankitaan esimerkiksi palvelusetelillä tai ostopalveluna.");
    } else {
      out.text("Sinulle ei myönnetä henkilökohtaista budjettia. Perustelut ovat alla.");
      out.text("Jos sinulla on oikeus vammaispalveluihin, ne järjestetään tavallisella tavalla.");
    }
    if ("hyvaksytty".equals(text(HbCaseFile.RECTIFICATION_RULING))) {
      out.text("Tämä päätös on tehty uudelleen, koska oikaisuvaatimus hyväksyttiin.");
    }

    String reasons = text(HbCaseFile.DECISION_REASONS);
    if (reasons != null) {
      out.section("Perustelut");
      out.text(reasons);
    }

    String breakdown = text(HbCaseFile.BUDGET_BREAKDOWN_TEXT);
    String priceList = text(HbCaseFile.PRICE_LIST);
    if (breakdown != null || total != null || period != null || priceList != null) {
      out.section(granted ? "Budjetti" : "Haettu budjetti");
      out.text(granted
          ? "Budjetti on laskettu palveluista, joihin sinulla on oikeus. "
              + "Jokaisen palvelun määrä on kerrottu hyvinvointialueen omalla yksikköhinnalla."
          : "Tämä on budjetti, jota haettiin. Se on laskettu hyvinvointialueen omilla yksikköhinnoilla.");
      List<List<String>> rows = budgetRows();
      if (!rows.isEmpty()) {
        out.table(BUDGET_COLUMNS, rows);
      } else if (breakdown != null) {
        out.markdown(breakdown); // a budget calculated before the breakdown had its table rows
      }
      out.field("Yhteensä", total);
      out.field("Budjettikausi", period);
      out.field("Hinnasto", priceList);
    }

    String goals = text(HbCaseFile.PLAN_GOALS);
    String plan = text(HbCaseFile.PLAN_TEXT);
    if (goals != null || plan != null) {
      out.section("Tukisuunnitelma");
      out.field("Tavoitteet", goals);
      if (plan != null) {
        out.markdown(plan);
      }
    }

    String model = supportModel();
    String supporter = text(HbCaseFile.SUPPORTER_NAME);
    String help = text(HbCaseFile.SUPPORT_CONTENT);
    if (model != null || supporter != null || help != null) {
      out.section("Tuki");
      out.field("Tuki, jonka valitsit", model);
      out.field("Tukija", supporter);
      out.field("Tukija auttaa", help);
    }

    out.section("Päätöksen tekijä");
    out.field("Nimi", text(HbCaseFile.DECIDER_NAME) != null ? text(HbCaseFile.DECIDER_NAME) : text(HbCaseFile.DECIDER));
    out.field("Tehtävä", deciderTitle());
    out.field("Päätöksentekijän toimivalta", text(HbCaseFile.DELEGATION_REASON));

    writeLegalContent(out);
    writeRectificationInstructions(out);
  }

  /**
   * What Hallintolaki 44–45 §, SHL 45 § 4 mom, SHL 52 § and 675/2023 5 § 1 mom require of the decision beyond the
   * budget: the provisions applied, validity (open-ended or fixed-term with its reason), the enforcement order, a
   * departure from the client plan with its reason, and the contact person. The sentences are in {@link DecisionTexts}.
   */
  private void writeLegalContent(Out out) {
    out.section("Sovelletut säännökset");
    LocalDate opened = localDate(HbCaseFile.PENDING_SINCE);
    boolean oldLaw = opened != null && opened.isBefore(NEW_DISABILITY_LAW);
    template(out, oldLaw ? "sovelletut-saannokset-380/1987" : "sovelletut-saannokset");
    if (granted && immediateEnforcement()) {
      template(out, "saannos-heti-taytantoon");
    }
    if (departsFromPlan()) {
      template(out, "saannos-poikkeama-suunnitelmasta");
    }

    if (granted) {
      out.section("Voimassaolo");
      if ("maaraaikainen".equals(text(HbCaseFile.VALIDITY))) {
        template(out, "voimassa-maaraajan");
        out.field("Voimassa", period());
        out.field("Määräaikaisuuden peruste", text(HbCaseFile.FIXED_TERM_REASON));
      } else {
        template(out, "voimassa-toistaiseksi");
        out.field("Ensimmäinen budjettikausi", period());
      }

      out.section("Täytäntöönpano");
      if (immediateEnforcement()) {
        template(out, "taytantoonpano-heti");
      } else {
        template(out, "taytantoonpano-lainvoima");
        out.field("Perustelu", text(HbCaseFile.IMMEDIATE_ENFORCEMENT_REASON));
      }
    }

    if (departsFromPlan()) {
      out.section("Poikkeaminen asiakassuunnitelmasta");
      template(out, "poikkeama-suunnitelmasta");
      out.field("Perustelu", text(HbCaseFile.DEPARTURE_REASON));
    }

    out.section("Lisätietoja");
    template(out, HbCaseFile.CONTACT_PERSON);
    String contact = text(HbCaseFile.CONTACT_PERSON);
    out.field("Nimi", contact != null ? contact
        : text(HbCaseFile.DECIDER_NAME) != null ? text(HbCaseFile.DECIDER_NAME) : text(HbCaseFile.DECIDER));
    String details = text(HbCaseFile.CONTACT_PERSON_DETAILS);
    out.field("Yhteystiedot", details != null ? details : contact == null ? text("paattajanSahkoposti") : null);
  }

  private boolean immediateEnforcement() {
    return Boolean.TRUE.equals(variables.get(HbCaseFile.IMMEDIATE_ENFORCEMENT));
  }

  private boolean departsFromPlan() {
    return Boolean.TRUE.equals(variables.get(HbCaseFile.DEPARTS_FROM_CLIENT_PLAN));
  }

  /** The placeholders the texts may use. */
  private Map<String, String> placeholders() {
    Map<String, String> values = new java.util.HashMap<>();
    values.put("asianumero", text(HbCaseFile.CASE_KEY));
    values.put("vastaanottaja", rectification.recipient());
    values.put(HbCaseFile.ADDRESS, blankToNull(rectification.address()));
    return values;
  }

  /** Writes a section of {@link DecisionTexts}: its paragraphs and lists. */
  private void template(Out out, String name) {
    writeTemplate(out, texts.section(name, placeholders()));
  }

  static void writeTemplate(Out out, List<DecisionTexts.Block> blocks) {
    for (DecisionTexts.Block block : blocks) {
      if (block.list()) {
        out.bullets(block.lines());
      } else {
        block.lines().forEach(out::text);
      }
    }
  }

  private void writeRectificationInstructions(Out out) {
    out.section("Oikaisuvaatimusohje");
    template(out, "oikaisu-johdanto");

    out.subsection("Kuka voi tehdä oikaisuvaatimuksen?");
    template(out, "oikaisu-kuka");

    out.subsection("Kenelle oikaisuvaatimus tehdään?");
    template(out, "oikaisu-kenelle");
    out.field("Vastaanottaja", rectification.recipient());
    out.field("Osoite", blankToNull(rectification.address()));

    out.subsection("Mihin mennessä?");
    if (rectification.lastDay() != null) {
      out.field("Viimeinen päivä", FINNISH_DATE.format(rectification.lastDay()));
      out.text("Oikaisuvaatimuksen on oltava perillä viimeistään tänä päivänä.");
    }
    template(out, "oikaisu-maaraaika");
    template(out, "oikaisu-tiedoksisaanti");

    out.subsection("Miten oikaisuvaatimus tehdään?");
    template(out, "oikaisu-sisalto");
    template(out, "oikaisu-toimitus");

    out.subsection("Maksaako oikaisuvaatimus?");
    template(out, "oikaisu-maksu");

    out.subsection("Mistä saat apua?");
    template(out, "oikaisu-apu");
  }

  // ---------------------------------------------------------------- the budget table

  static final List<String> BUDGET_COLUMNS = List.of("Palvelu", "Lainkohta", "Määrä/kk", "Yksikköhinta", "€/kk", "Aika",
      "Yhteensä");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One row per service and price from the stored breakdown ({@code budjettierittely}, its {@code erittely}): the
   * service, its legal basis, amount, unit price, euros a month, the months and the sum. Empty when the breakdown is
   * missing or has no such rows.
   */
  private List<List<String>> budgetRows() {
    Object value = variables.get(HbCaseFile.BUDGET_BREAKDOWN);
    if (value == null) {
      return List.of();
    }
    JsonNode tree;
    try {
      tree = value instanceof Map<?, ?> map ? JSON.valueToTree(map) : JSON.readTree(value.toString());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return List.of();
    }
    JsonNode spans = tree == null ? null : tree.get("erittely");
    if (spans == null || !spans.isArray()) {
      return List.of();
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode span : spans) {
      String unit = span.path("yksikko").asText("");
      String legalBasis = span.path("lainkohta").asText("");
      rows.add(List.of(
          span.path("nimi").asText(span.path("palvelu").asText("")),
          legalBasis.isBlank() ? "–" : legalBasis,
          span.path("maara").asText("") + (unit.isBlank() ? "" : " (" + unit + ")"),
          euros(span.path("yksikkohinta").asText("")) + (unit.isBlank() ? "" : "/" + unit),
          fi.hbflow.budget.Money.format(span.path("kkSentit").asLong()),
          months(span.path("alkuKk").asText(""), span.path("loppuKk").asText(""), span.path("kuukausia").asInt()),
          fi.hbflow.budget.Money.format(span.path("yhteensaSentit").asLong())));
    }
    return rows;
  }

  private static String euros(String plain) {
    try {
      return fi.hbflow.budget.Money.format(new java.math.BigDecimal(plain));
    } catch (NumberFormatException e) {
      return plain;
    }
  }

  /** "7/2026–6/2027 (12 kk)" from "2026-07", "2027-06" and 12. */
  private static String months(String first, String last, int count) {
    String from = yearMonth(first);
    String to = yearMonth(last);
    String range = count > 1 && !to.equals(from) ? from + "–" + to : from;
    return range + " (" + count + " kk)";
  }

  private static String yearMonth(String iso) {
    try {
      java.time.YearMonth m = java.time.YearMonth.parse(iso);
      return m.getMonthValue() + "/" + m.getYear();
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  // ---------------------------------------------------------------- values

  /** The variable as trimmed text, or null when missing or blank. */
  private String text(String key) {
    Object v = variables.get(key);
    return v == null ? null : blankToNull(v.toString());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private LocalDate localDate(String key) {
    Object v = variables.get(key);
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof Date d) {
      return d.toInstant().atZone(HELSINKI).toLocalDate();
    }
    String s = text(key);
    if (s == null || !s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      return null;
    }
    try {
      return LocalDate.parse(s.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A date as d.M.yyyy; text that is not a date is shown as it is. */
  private String date(String key) {
    LocalDate d = localDate(key);
    return d != null ? FINNISH_DATE.format(d) : text(key);
  }

  private Integer integer(String key) {
    Object v = variables.get(key);
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return v == null ? null : Integer.valueOf(v.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** "1.7.2026–30.6.2027 (12 kk)", or as much of it as is known. */
  private String period() {
    LocalDate start = localDate(HbCaseFile.BUDGET_PERIOD_START);
    Integer months = integer(HbCaseFile.BUDGET_PERIOD_MONTHS);
    if (months != null && months <= 0) {
      months = null;
    }
    if (start != null && months != null) {
      return FINNISH_DATE.format(start) + "–" + FINNISH_DATE.format(start.plusMonths(months).minusDays(1)) + " ("
          + months + " kk)";
    }
    if (start != null) {
      return FINNISH_DATE.format(start) + " alkaen";
    }
    return months != null ? months + " kk" : null;
  }

  /** Only the first 7 characters (birth date and century sign) are shown: "010594-****". */
  private String maskedIdentityCode() {
    String code = text(HbCaseFile.PERSONAL_IDENTITY_CODE);
    if (code == null) {
      return null;
    }
    return (code.length() >= 7 ? code.substring(0, 7) : "") + "****";
  }

  private String supportModel() {
    String code = text(HbCaseFile.SUPPORT_MODEL);
    if (code == null) {
      return null;
    }
    return fi.hbflow.support.SupportModels.shipped().finnishName(code); // the catalogue hb-tukimallit.dmn
  }

  private String deciderTitle() {
    String group = text(HbCaseFile.DECIDER_GROUP);
    if (group == null) {
      return null;
    }
    return switch (group) {
      case Roles.SOCIAL_WORK -> "Sosiaalityöntekijä";
      case Roles.LEADING_SOCIAL_WORKERS -> "Johtava sosiaalityöntekijä";
      case Roles.SERVICE_MANAGERS -> "Palvelupäällikkö";
      case Roles.HB_RESPONSIBLE -> "HB-vastuuhenkilö";
      case Roles.SERVICE_COORDINATION -> "Palveluohjaaja";
      case Roles.INDIVIDUAL_MATTERS_SECTION -> "Yksilöasioiden jaosto";
      default -> null;
    };
  }

  // ---------------------------------------------------------------- the small Markdown subset the case texts use

  /** A run of text, bold or not. */
  record Span(String text, boolean bold) {
  }

  /** A paragraph or a bulleted list; each line is a list of spans. */
  record Block(boolean list, List<List<Span>> lines) {
  }

  /** Reads "- item" lines, paragraphs separated by blank lines, and **bold**. Nothing else is markup. */
  static List<Block> parse(String markdown) {
    List<Block> blocks = new ArrayList<>();
    Block current = null;
    for (String raw : markdown.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        current = null;
        continue;
      }
      boolean item = line.startsWith("- ") || line.startsWith("* ");
      if (current == null || current.list() != item) {
        current = new Block(item, new ArrayList<>());
        blocks.add(current);
      }
      current.lines().add(spans(item ? line.substring(2).strip() : line));
    }
    return blocks;
  }

  static List<Span> spans(String line) {
    List<Span> spans = new ArrayList<>();
    String[] parts = line.split("\\*\\*", -1);
    boolean balanced = parts.length % 2 == 1;
    for (int i = 0; i < parts.length; i++) {
      boolean bold = i % 2 == 1 && (balanced || i < parts.length - 1);
      String part = !bold && i % 2 == 1 ? "**" + parts[i] : parts[i]; // an unpaired ** stays as text
      if (!part.isEmpty()) {
        spans.add(new Span(part, bold));
      }
    }
    return spans;
  }

  // ---------------------------------------------------------------- renderers

  /** What the content is written to; each format escapes every value itself. */
  interface Out {
    void title(String text);

    void section(String heading);

    void subsection(String heading);

    /** "Label: value"; left out when the value is null. */
    void field(String label, String value);

    /** Plain text, possibly several lines or paragraphs. */
    void text(String text);

    void bullets(List<String> items);

    /** The small Markdown subset of {@link #parse}. */
    void markdown(String markdown);

    /** A table with a header row; every cell is a value to escape. */
    void table(List<String> headers, List<List<String>> rows);
  }

  static final class HtmlOut implements Out {
    private final StringBuilder body = new StringBuilder();

    /** HTML-escaped: {@code & < > " '}. */
    static String esc(String s) {
      return org.springframework.web.util.HtmlUtils.htmlEscape(s, "UTF-8");
    }

    /** Escaped, line breaks kept. */
    private static String lines(String s) {
      return esc(s).replaceAll("\\R", "<br>\n");
    }

    @Override
    public void title(String text) {
      body.append("<h1>").append(esc(text)).append("</h1>\n");
    }

    @Override
    public void section(String heading) {
      body.append("<h2>").append(esc(heading)).append("</h2>\n");
    }

    @Override
    public void subsection(String heading) {
      body.append("<h3>").append(esc(heading)).append("</h3>\n");
    }

    @Override
    public void field(String label, String value) {
      if (value != null) {
        body.append("<p class=\"field\"><strong>").append(esc(label)).append(":</strong> ").append(lines(value))
            .append("</p>\n");
      }
    }

    @Override
    public void text(String text) {
      for (String paragraph : text.strip().split("\\R\\s*\\R")) {
        body.append("<p>").append(lines(paragraph.strip())).append("</p>\n");
      }
    }

    @Override
    public void bullets(List<String> items) {
      body.append("<ul>\n");
      items.forEach(i -> body.append("<li>").append(esc(i)).append("</li>\n"));
      body.append("</ul>\n");
    }

    @Override
    public void markdown(String markdown) {
      for (Block block : parse(markdown)) {
        if (block.list()) {
          body.append("<ul>\n");
          block.lines().forEach(l -> body.append("<li>").append(inline(l)).append("</li>\n"));
          body.append("</ul>\n");
        } else {
          body.append("<p>").append(String.join("<br>\n", block.lines().stream().map(HtmlOut::inline).toList()))
              .append("</p>\n");
        }
      }
    }

    @Override
    public void table(List<String> headers, List<List<String>> rows) {
      body.append("<table>\n<thead>\n<tr>");
      headers.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
      body.append("</tr>\n</thead>\n<tbody>\n");
      for (List<String> row : rows) {
        body.append("<tr>");
        row.forEach(c -> body.append("<td>").append(esc(c)).append("</td>"));
        body.append("</tr>\n");
      }
      body.append("</tbody>\n</table>\n");
    }

    private static String inline(List<Span> spans) {
      StringBuilder b = new StringBuilder();
      for (Span s : spans) {
        b.append(s.bold() ? "<strong>" + esc(s.text()) + "</strong>" : esc(s.text()));
      }
      return b.toString();
    }

    String finish(String caseId) {
      return finish(TITLE, caseId);
    }

    String finish(String title, String caseId) {
      return "<!DOCTYPE html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"UTF-8\">\n"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          + "<title>" + esc(title + (caseId != null ? " – " + caseId : "")) + "</title>\n"
          + "<style>\n"
          + "@page { size: A4; margin: 20mm 18mm 20mm 20mm; }\n"
          + "body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #000;"
          + " background: #fff; max-width: 172mm; margin: 0 auto; padding: 8mm 0; }\n"
          + "h1 { font-size: 17pt; margin: 0 0 8pt; }\n"
          + "h2 { font-size: 13pt; margin: 16pt 0 5pt; padding-bottom: 2pt; border-bottom: 1px solid #777;"
          + " break-after: avoid; page-break-after: avoid; }\n"
          + "h3 { font-size: 11pt; margin: 10pt 0 3pt; break-after: avoid; page-break-after: avoid; }\n"
          + "p { margin: 0 0 6pt; }\n"
          + "p.field { margin: 0 0 2pt; }\n"
          + "ul { margin: 0 0 6pt; padding-left: 18pt; }\n"
          + "li { margin: 0 0 2pt; break-inside: avoid; page-break-inside: avoid; }\n"
          + "table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; font-size: 9.5pt; }\n"
          + "th, td { border: 1px solid #777; padding: 2pt 4pt; text-align: left; vertical-align: top; }\n"
          + "tr { break-inside: avoid; page-break-inside: avoid; }\n"
          + "@media print { body { max-width: none; padding: 0; } }\n"
          + "</style>\n</head>\n<body>\n<main>\n"
          + body
          + "</main>\n</body>\n</html>\n";
    }
  }

  static final class MarkdownOut implements Out {
    private final StringBuilder md = new StringBuilder();
    private boolean inFields;

    /** Characters that are markup in Markdown, form-js templates ({{ }}) or HTML are escaped to show as text. */
    static String esc(String s) {
      StringBuilder b = new StringBuilder(s.length() + 16);
      for (char c : s.toCharArray()) {
        switch (c) {
          case '&' -> b.append("&amp;");
          case '<' -> b.append("&lt;");
          case '\\', '`', '*', '_', '[', ']', '{', '}', '|', '~', '#', '>', '!' -> b.append('\\').append(c);
          default -> b.append(c);
        }
      }
      return b.toString();
    }

    /** Escaped as the start of a line: a leading "-", "+", "=" or "1." would start a list or an underline. */
    static String escLine(String s) {
      String e = esc(s.stripLeading());
      if (e.startsWith("-") || e.startsWith("+") || e.startsWith("=")) {
        return "\\" + e;
      }
      return e.replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
    }

    /** Escaped, every line kept as a line (a hard break); the first line starts a line only when atLineStart. */
    private static String lines(String s, boolean atLineStart) {
      List<String> lines = s.strip().lines().map(MarkdownOut::escLine).toList();
      return (atLineStart ? lines.get(0) : esc(s.strip().lines().findFirst().orElseThrow()))
          + lines.stream().skip(1).map(l -> "  \n" + l).reduce("", String::concat);
    }

    private void block(String text) {
      endFields();
      md.append(text).append("\n\n");
    }

    private void endFields() {
      if (inFields) {
        md.append('\n');
        inFields = false;
      }
    }

    @Override
    public void title(String text) {
      block("# " + esc(text));
    }

    @Override
    public void section(String heading) {
      block("## " + esc(heading));
    }

    @Override
    public void subsection(String heading) {
      block("### " + esc(heading));
    }

    @Override
    public void field(String label, String value) {
      if (value != null) {
        md.append("**").append(esc(label)).append(":** ").append(lines(value, false)).append("  \n");
        inFields = true;
      }
    }

    @Override
    public void text(String text) {
      for (String paragraph : text.strip().split("\\R\\s*\\R")) {
        block(lines(paragraph, true));
      }
    }

    @Override
    public void bullets(List<String> items) {
      block(String.join("\n", items.stream().map(i -> "- " + escLine(i)).toList()));
    }

    @Override
    public void markdown(String markdown) {
      for (Block block : parse(markdown)) {
        List<String> lines = block.lines().stream().map(MarkdownOut::inline).toList();
        block(block.list()
            ? String.join("\n", lines.stream().map(l -> "- " + l).toList())
            : String.join("  \n", lines));
      }
    }

    @Override
    public void table(List<String> headers, List<List<String>> rows) {
      StringBuilder t = new StringBuilder();
      t.append(row(headers)).append('\n').append("|").append(" --- |".repeat(headers.size()));
      rows.forEach(r -> t.append('\n').append(row(r)));
      block(t.toString());
    }

    /** "| a | b |": cells escaped ("|" included), each on one line. */
    private static String row(List<String> cells) {
      return "| " + String.join(" | ", cells.stream()
          .map(c -> esc(c.strip().replaceAll("\\s*\\R\\s*", " "))).toList()) + " |";
    }

    private static String inline(List<Span> spans) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < spans.size(); i++) {
        Span s = spans.get(i);
        String text = i == 0 && !s.bold() ? escLine(s.text()) : esc(s.text());
        b.append(s.bold() ? "**" + text + "**" : text);
      }
      return b.toString();
    }

    String finish() {
      endFields();
      return md.toString().strip() + "\n";
    }
  }
}
