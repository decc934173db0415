package fi.hbflow.decision;

import fi.hbflow.casefile.HbCaseFile;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The ruling on a rectification request (oikaisuvaatimukseen annettu päätös), itself an appealable decision: its
 * outcome and reasons, the provisions applied, who ruled and whom to ask, and the appeal instructions to the
 * administrative court (SHL 1301/2014 51 §, 808/2019 13 § 2 mom, content per Hallintolaki 434/2003 44–47 §). Written
 * from the case's variables like {@link DecisionDocument}, in the same two formats; the standard sentences are in
 * {@link DecisionTexts}.
 */
public final class RulingDocument {

  static final String TITLE = "Päätös oikaisuvaatimukseen";

  /**
   * Where an appeal goes.
   *
   * @param court the administrative court ({@code hallintotuomioistuin}), required
   * @param courtAddress its address and contact details, optional
   * @param countyAddress where the county receives an appeal within the appeal period (SHL 51 §), optional
   */
  public record Appeal(String court, String courtAddress, String countyAddress) {
    public Appeal {
      if (court == null || court.isBlank()) {
        throw new IllegalArgumentException("Hallintotuomioistuin puuttuu.");
      }
    }
  }

  private final Map<String, ?> variables;
  private final Appeal appeal;
  private final LocalDate ruledOn;
  private final boolean upheld;
  private final DecisionTexts texts = DecisionTexts.standard();

  /**
   * @param variables the case; {@code oikaisuvaatimuksenRatkaisu} must be "hyvaksytty" or "hylatty"
   * @param ruledOn the day of the ruling
   */
  public RulingDocument(Map<String, ?> variables, Appeal appeal, LocalDate ruledOn) {
    this.variables = Objects.requireNonNull(variables, "variables");
    this.appeal = Objects.requireNonNull(appeal, "appeal");
    this.ruledOn = Objects.requireNonNull(ruledOn, "ruledOn");
    String outcome = text(HbCaseFile.RECTIFICATION_RULING);
    if (!"hyvaksytty".equals(outcome) && !"hylatty".equals(outcome)) {
      throw new IllegalArgumentException("Oikaisuvaatimuksen ratkaisu puuttuu tai on tuntematon: " + outcome);
    }
    this.upheld = "hyvaksytty".equals(outcome);
  }

  public String html() {
    DecisionDocument.HtmlOut out = new DecisionDocument.HtmlOut();
    write(out);
    return out.finish(TITLE, text(HbCaseFile.CASE_KEY));
  }

  public String markdown() {
    DecisionDocument.MarkdownOut out = new DecisionDocument.MarkdownOut();
    write(out);
    return out.finish();
  }

  private void write(DecisionDocument.Out out) {
    out.title(TITLE);
    out.field("Asianumero", text(HbCaseFile.CASE_KEY));
    out.field("Päätöspäivä", DecisionDocument.FINNISH_DATE.format(ruledOn));
    out.field("Päätöksen tekijä", "Yksilöasioiden jaosto");

    out.section("Asiakas");
    out.field("Nimi", text(HbCaseFile.CLIENT_NAME));
    out.field("Kotikunta", text(HbCaseFile.MUNICIPALITY));

    out.section("Oikaisuvaatimus");
    out.field("Päätös, johon vaadittiin oikaisua", decisionOutcome());
    out.field("Oikaisuvaatimus saapui", date(HbCaseFile.RECTIFICATION_ARRIVED));
    out.field("Vaatimus", text(HbCaseFile.RECTIFICATION_CONTENT));

    out.section("Ratkaisu");
    template(out, upheld ? "ratkaisu-hyvaksytty" : "ratkaisu-hylatty");
    if (upheld && "kylla".equals(text(HbCaseFile.RECTIFICATION_CHANGES_BUDGET))) {
      template(out, "ratkaisu-uusi-laskenta");
      if ("myonnetty".equals(text(HbCaseFile.DECISION))) { // a granted budget may already be in use
        template(out, "ratkaisu-uusi-laskenta-kaytto");
      }
    }

    out.section("Perustelut");
    out.text(Objects.requireNonNullElse(text(HbCaseFile.RECTIFICATION_REASONS), "–"));

    out.section("Sovelletut säännökset");
    template(out, "ratkaisu-sovelletut-saannokset");

    out.section("Lisätietoja");
    template(out, HbCaseFile.CONTACT_PERSON);
    out.field("Nimi", text("oikaisuvaatimuksenRatkaisijanNimi") != null ? text("oikaisuvaatimuksenRatkaisijanNimi")
        : text(HbCaseFile.RECTIFICATION_RULER));
    out.field("Yhteystiedot", text("oikaisuvaatimuksenRatkaisijanSahkoposti"));

    out.section("Valitusosoitus");
    template(out, "valitus-johdanto");
    out.subsection("Mihin valitetaan?");
    template(out, "valitus-viranomainen");
    out.field("Hallinto-oikeus", appeal.court());
    out.field("Yhteystiedot", blankToNull(appeal.courtAddress()));
    out.field("Hyvinvointialueen osoite", blankToNull(appeal.countyAddress()));
    out.subsection("Valitusaika");
    template(out, "valitus-maaraaika");
    out.subsection("Valituksen sisältö ja liitteet");
    template(out, "valitus-sisalto");
    out.subsection("Valituksen toimittaminen");
    template(out, "valitus-toimitus");
    out.subsection("Maksu");
    template(out, "valitus-maksu");
  }

  private void template(DecisionDocument.Out out, String name) {
    Map<String, String> values = new HashMap<>();
    values.put("asianumero", text(HbCaseFile.CASE_KEY));
    values.put(HbCaseFile.ADMINISTRATIVE_COURT, appeal.court());
    values.put(HbCaseFile.ADMINISTRATIVE_COURT_ADDRESS, blankToNull(appeal.courtAddress()));
    DecisionDocument.writeTemplate(out, texts.section(name, values));
  }

  private String decisionOutcome() {
    String decision = text(HbCaseFile.DECISION);
    String day = date(HbCaseFile.DECISION_DATE);
    String outcome = "myonnetty".equals(decision) ? "HB myönnetty" : "hylatty".equals(decision) ? "HB hylätty" : null;
    if (outcome == null) {
      return day;
    }
    return day != null ? outcome + " " + day : outcome;
  }

  private String text(String key) {
    Object v = variables.get(key);
    return v == null ? null : blankToNull(v.toString());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private String date(String key) {
    Object v = variables.get(key);
    if (v instanceof Date d) {
      return DecisionDocument.FINNISH_DATE.format(d.toInstant().atZone(ZoneId.of("Europe/Helsinki")).toLocalDate());
    }
    String s = text(key);
    if (s != null && s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      return DecisionDocument.FINNISH_DATE.format(LocalDate.parse(s.substring(0, 10)));
    }
    return s;
  }
}
