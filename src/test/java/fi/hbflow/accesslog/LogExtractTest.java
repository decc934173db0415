package fi.hbflow.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hbflow.decision.DecisionTexts;
import fi.hbflow.identity.Roles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's log extract (lokiote, 703/2023 11 §) from log rows, with the texts file the process owner edits: a
 * worker's reads of a day for one purpose are one line with plain data kinds, role and basis; the two-year window and
 * its special reason; disclosures apart with their recipient and provision; every value escaped in HTML.
 */
class LogExtractTest {

  static final DecisionTexts TEXTS = LogExtract.standardTexts();
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final Instant PRODUCED = at(TODAY, 15, 0);

  static Instant at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(LogExtract.FINLAND).toInstant();
  }

  static ReadAccess read(Instant at, String user, String name, String group, String kind, List<String> names,
                         String purpose) {
    return new ReadAccess(at, user, name, "p1", "HB-2026-000001", kind, names, purpose, List.of(group), null, null);
  }

  static LogExtract.Request request(LocalDate from, String reason) {
    return new LogExtract.Request("HB-2026-000001", "Aino Asiakas", TODAY, from, TODAY, reason, PRODUCED,
        "Tiina Tietosuojavastaava, tietosuojavastaava (tunnus tiina)");
  }

  static LogExtract extract(List<ReadAccess> rows) {
    return new LogExtract(request(LogExtract.defaultFrom(TODAY), null), rows, TEXTS);
  }

  @Test
  void aWorkersReadsOfADayForOnePurposeAreOneLineInPlainWords() {
    LocalDate day = LocalDate.of(2026, 3, 2);
    List<ReadAccess> rows = List.of(
        read(at(day, 10, 15), "sanna", "Sanna Sosiaalityöntekijä", Roles.SOCIAL_WORK, "tehtävän lomake",
            List.of("asiakasNimi", "henkilotunnus", "arvio_hyodyt"), "asiakastyö: Palvelutarpeen arviointi"),
        read(at(day, 10, 16), "sanna", "Sanna Sosiaalityöntekijä", Roles.SOCIAL_WORK, "tehtävän tiedot",
            List.of("kotikunta", "outoMuuttuja"), "asiakastyö: Palvelutarpeen arviointi"),
        // the same worker the next day, and another purpose the same day: lines of their own
        read(at(day.plusDays(1), 9, 0), "sanna", "Sanna Sosiaalityöntekijä", Roles.SOCIAL_WORK, "tehtävän tiedot",
            List.of("paatos"), "asiakastyö: Päätös"),
        read(at(day, 11, 0), "jorma", "Jorma Johtaja", Roles.MANAGEMENT, "tietojen haku", List.of("budjettiYhteensa"),
            Purposes.SUPERVISION));

    LogExtract extract = extract(rows);

    assertThat(extract.uses()).hasSize(3);
    LogExtract.Line first = extract.uses().get(0);
    assertThat(LogExtract.when(first)).isEqualTo("2.3.2026 klo 10.15–10.16");
    assertThat(first.who()).isEqualTo("Sanna Sosiaalityöntekijä, sosiaalityöntekijä (tunnus sanna)");
    assertThat(first.data()).containsExactly("henkilö- ja yhteystietosi", "hakemuksesi ja palvelutarpeesi arviointi",
        "muut asiasi käsittelyn tiedot");
    assertThat(first.basis()).startsWith("Asiasi käsittely ja palvelujesi järjestäminen.")
        .contains("703/2023 4 § 3 mom ja 9 § 1 mom").endsWith("Vaihe: Palvelutarpeen arviointi.");
    assertThat(extract.uses().get(1).who()).isEqualTo("Jorma Johtaja, johtaja (tunnus jorma)");
    assertThat(extract.uses().get(1).data()).containsExactly("budjetti ja tukisuunnitelma");
    assertThat(extract.uses().get(1).basis()).startsWith("Palvelujen johtaminen ja valvonta.");
    assertThat(extract.uses().get(2).basis()).endsWith("Vaihe: Päätös.");
    assertThat(extract.disclosures()).isEmpty();

    String text = extract.text();
    assertThat(text).contains("Asiakas: Aino Asiakas").contains("Asianumero: HB-2026-000001")
        .contains("Ajanjakso: 7.12.2024–7.12.2026").contains("Pyyntösi saapui: 7.12.2026")
        .contains("Ote laadittu: 7.12.2026 klo 15.00").contains("Otteen laati: Tiina Tietosuojavastaava")
        .contains("Tällä ajanjaksolla tietojasi ei ole luovutettu.").doesNotContain("Erityinen syy");
  }

  @Test
  void theLogAndTheExtractThemselvesAreUsesOfTheirOwn() {
    List<ReadAccess> rows = List.of(
        read(at(TODAY, 14, 0), "tiina", "Tiina T", Roles.DATA_PROTECTION, ReadKind.ACCESS_LOG.label(), List.of(),
            Purposes.DATA_PROTECTION),
        read(at(TODAY, 14, 59), "tiina", "Tiina T", Roles.DATA_PROTECTION, ReadKind.LOG_EXTRACT.label(),
            List.of("asiakasNimi"), Purposes.CLIENT_REQUEST));
    LogExtract extract = extract(rows);
    assertThat(extract.uses()).hasSize(2);
    assertThat(extract.uses().get(0).data()).containsExactly("luettelo tietojesi käytöstä (loki)");
    assertThat(extract.uses().get(0).basis()).contains("tietosuojavastaava").contains("703/2023 10 § 1 mom");
    assertThat(extract.uses().get(1).who()).contains("tietosuojavastaava");
    assertThat(extract.uses().get(1).basis()).contains("Oma pyyntösi").contains("703/2023 11 § 1 mom");
  }

  @Test
  void theExtractCoversTwoYearsBeforeTheRequestAndOlderOnlyWithAReasonThatIsPrinted() {
    ReadAccess old = read(at(LocalDate.of(2024, 12, 6), 12, 0), "sanna", "Sanna S", Roles.SOCIAL_WORK,
        "asian tiedot", List.of("asiakasNimi"), Purposes.CLIENT_WORK);
    ReadAccess firstDay = read(at(LocalDate.of(2024, 12, 7), 0, 0), "pia", "Pia P", Roles.SERVICE_COORDINATION,
        "asian tiedot", List.of("asiakasNimi"), Purposes.CLIENT_WORK);
    ReadAccess future = read(at(TODAY.plusDays(1), 0, 0), "pia", "Pia P", Roles.SERVICE_COORDINATION,
        "asian tiedot", List.of("asiakasNimi"), Purposes.CLIENT_WORK);

    LogExtract twoYears = extract(List.of(old, firstDay, future));
    assertThat(twoYears.uses()).singleElement().satisfies(l -> assertThat(l.who()).startsWith("Pia P, palveluohjaaja"));

    LocalDate earlier = LocalDate.of(2024, 1, 1);
    assertThatThrownBy(() -> new LogExtract(request(earlier, null), List.of(old), TEXTS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("erityisestä syystä")
        .hasMessageContaining("703/2023 11 § 2 mom").hasMessageContaining("7.12.2024");
    assertThatThrownBy(() -> new LogExtract(request(earlier, "  lyhyt "), List.of(old), TEXTS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogExtract(new LogExtract.Request("HB-2026-000001", null, TODAY, TODAY,
        TODAY.minusDays(1), null, PRODUCED, null), List.of(), TEXTS)).hasMessageContaining("jälkeen");

    LogExtract withReason = new LogExtract(request(earlier, "Asiakas epäilee tietojen väärinkäyttöä vuonna 2024."),
        List.of(old, firstDay), TEXTS);
    assertThat(withReason.uses()).hasSize(2);
    assertThat(withReason.text()).contains("Erityinen syy yli kaksi vuotta vanhoihin tietoihin: Asiakas epäilee")
        .contains("Ote kattaa myös yli kaksi vuotta vanhoja tietoja").contains("Ajanjakso: 1.1.2024–7.12.2026");
  }

  @Test
  void disclosuresAreListedApartWithRecipientPurposeAndProvision() {
    ReadAccess use = read(at(TODAY, 9, 0), "sanna", "Sanna S", Roles.SOCIAL_WORK, "asian tiedot",
        List.of("asiakasNimi"), Purposes.CLIENT_WORK);
    ReadAccess export = new ReadAccess(at(TODAY, 10, 0), "olli", "Olli Omistaja", "p1", "HB-2026-000001",
        ReadKind.RESEARCH_EXPORT.label(), List.of("hbSoveltuu", "palaute_vapaasana", "ikaryhma"), Purposes.RESEARCH,
        List.of(Roles.PROCESS_OWNERS), Purposes.RESEARCH_RECIPIENT, Purposes.RESEARCH_BASIS);
    // a row written before recipients were logged is still a disclosure (its kind says so)
    ReadAccess legacy = new ReadAccess(at(TODAY, 11, 0), "olli", "Olli Omistaja", "p1", "HB-2026-000001",
        ReadKind.RESEARCH_EXPORT.label(), List.of("hbSoveltuu"), Purposes.RESEARCH);

    LogExtract extract = extract(List.of(use, export, legacy));

    assertThat(extract.uses()).hasSize(1);
    assertThat(extract.disclosures()).hasSize(2);
    LogExtract.Line disclosure = extract.disclosures().get(0);
    assertThat(disclosure.who()).isEqualTo(Purposes.RESEARCH_RECIPIENT);
    assertThat(disclosure.data()).containsExactly("henkilö- ja yhteystietosi",
        "henkilökohtaisen budjetoinnin soveltuvuus", "palautteesi");
    assertThat(disclosure.basis()).startsWith("Tutkimus ja kehittäminen.").contains("Säännös: " + Purposes.RESEARCH_BASIS);
    assertThat(extract.disclosures().get(1).who()).isEqualTo("–");
    String html = extract.html();
    assertThat(html).contains("<h2 id=\"osio-2\">Kenelle tietojasi on luovutettu</h2>")
        .contains("<th scope=\"col\">Kenelle</th>").contains("Terveyden ja hyvinvoinnin laitos (THL)");
  }

  @Test
  void everyValueIsEscapedInHtml() {
    ReadAccess read = read(at(TODAY, 9, 0), "x\"><img src=x onerror=alert(1)>", "<script>alert('nimi')</script>",
        Roles.SOCIAL_WORK, "asian tiedot", List.of("asiakasNimi"), "asiakastyö: <b>Vaihe</b>");
    LogExtract extract = new LogExtract(new LogExtract.Request("HB-<i>1</i>", "<script>alert(1)</script> & Co",
        TODAY, TODAY.minusDays(3), TODAY, null, PRODUCED, "<u>Tiina</u>"), List.of(read), TEXTS);

    String html = extract.html();
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"fi\">")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co")
        .contains("&lt;script&gt;alert(&#39;nimi&#39;)&lt;/script&gt;")
        .contains("x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        .contains("Vaihe: &lt;b&gt;Vaihe&lt;/b&gt;.")
        .contains("HB-&lt;i&gt;1&lt;/i&gt;").contains("&lt;u&gt;Tiina&lt;/u&gt;")
        .doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>").doesNotContain("<i>")
        .doesNotContain("<u>");
    assertThat(html).contains("<h1>").contains("<table aria-labelledby=\"osio-1\">").contains("<th scope=\"col\">");
  }

  @Test
  void theWordingComesFromTheTextsFile() {
    DecisionTexts edited = DecisionTexts.parse("""
        [otsikko]
        Lokiotteesi
        [palvelunantaja]
        Testialueen hyvinvointialue
        [kentat-nimet]
        - asiakas = Nimesi
        [johdanto]
        Asia {asianumero}, {alku}–{loppu}.
        [vanhat-tiedot]
        V
        [kaytto-otsikko]
        Käyttö
        [kaytto-sarakkeet]
        - A
        - B
        - C
        - D
        [kaytto-ei-merkintoja]
        Ei käyttöä.
        [luovutus-otsikko]
        Luovutukset
        [luovutus-sarakkeet]
        - A
        - B
        - C
        - D
        [luovutus-ei-merkintoja]
        Ei luovutuksia.
        [lopuksi]
        Loppu.
        [ryhmat]
        - sosiaalityo = sosiaalityön ammattilainen
        [kayttotarkoitukset]
        - asiakastyö = Työ.
        [tietoryhmat]
        - nimesi = asiakasNimi
        - * = muuta
        [kayttotavat]
        - * = tiedot
        """);
    ReadAccess read = read(at(TODAY, 9, 0), "sanna", "Sanna S", Roles.SOCIAL_WORK, "asian tiedot",
        List.of("asiakasNimi", "x"), Purposes.CLIENT_WORK);
    LogExtract extract = new LogExtract(request(TODAY.minusDays(1), null), List.of(read), edited);
    assertThat(extract.uses().get(0).who()).isEqualTo("Sanna S, sosiaalityön ammattilainen (tunnus sanna)");
    assertThat(extract.uses().get(0).data()).containsExactly("nimesi", "muuta");
    assertThat(extract.text()).startsWith("Lokiotteesi\n").contains("Nimesi: Aino Asiakas")
        .contains("Palvelunantaja: Testialueen hyvinvointialue").contains("Asia HB-2026-000001, 6.12.2026–7.12.2026.")
        .contains("Ei luovutuksia.");
  }
}
