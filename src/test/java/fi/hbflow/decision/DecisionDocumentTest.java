package fi.hbflow.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hbflow.decision.DecisionDocument.Rectification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionDocumentTest {

  private static final Rectification RECTIFICATION = new Rectification("Hyvinvointialueen yksilöasioiden jaosto",
      "Kirjaamo, PL 1, 53101 Lappeenranta, kirjaamo@example.fi", LocalDate.of(2026, 7, 15));

  private static Map<String, Object> grantedCase() {
    Map<String, Object> v = new HashMap<>();
    v.put("asiakasNimi", "Maija Meikäläinen");
    v.put("henkilotunnus", "010594-123A");
    v.put("kotikunta", "Lappeenranta");
    v.put("vireilletulopaiva", "2026-03-02");
    v.put("hbAsia", "HB-2026-000001");
    v.put("paatos", "myonnetty");
    v.put("paatoksenPerustelut", "Tavalliset palvelut eivät sovi arkeesi.\nHenkilökohtainen budjetti sopii.");
    v.put("paatospaiva", "2026-06-12");
    v.put("paattaja", "johtava");
    v.put("paattajanNimi", "Johanna Johtava");
    v.put("paattajaRyhma", "johtavat-sosiaalityontekijat");
    v.put("delegointiPerustelu", "Vuosibudjetti 30 000–100 000 €: päättää johtava sosiaalityöntekijä (delegointisääntö 2).");
    v.put("budjettiYhteensa", "22 127,40 €");
    v.put("budjettiErittelyTeksti", """
        Budjettikausi 7/2026–6/2027 (12 kk), hinnasto hb-yksikkohinnat v1.

        - Henkilökohtainen apu: 40 tunti/kk × 32,45 € = 1 298,00 €/kk, 7/2026–6/2027 (12 kk): **15 576,00 €**
        - Päivätoiminta: 8 päivä/kk × 68,24 € = 545,95 €/kk, 7/2026–6/2027 (12 kk): **6 551,40 €**

        **Yhteensä 22 127,40 €**, keskimäärin 1 843,95 €/kk, vuodessa 22 127,40 €.
        """);
    v.put("hinnasto", "hb-yksikkohinnat v1");
    v.put("budjettikaudenAlku", "2026-07-01");
    v.put("budjettikaudenPituusKk", 12);
    v.put("suunnitelmaTeksti", "- Avustaja kotiin — Avustajapalvelu Oy: 1 200,00 €/kk\n\n**Yhteensä 1 200,00 €/kk**\n");
    v.put("tukimalli", "HB_VASTUUHENKILO");
    v.put("tukijanNimi", "Heikki HB-vastuuhenkilö");
    v.put("tuenSisalto", "Auttaa palveluntuottajan valinnassa.");
    return v;
  }

  /** "null" as a word ("Sinulle" contains the letters). */
  private static final java.util.regex.Pattern NULL = java.util.regex.Pattern.compile("(?i)\\bnull\\b");

  private static DecisionDocument doc(Map<String, Object> v) {
    return new DecisionDocument(v, RECTIFICATION);
  }

  @Test
  void grantedDecisionCarriesEverySectionAndFactInHtml() {
    String html = doc(grantedCase()).html();

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"fi\">", "<meta charset=\"UTF-8\">",
        "size: A4", "</html>");
    assertThat(html).doesNotContain("<link", "src=\"", "href=", "@import", "url(");
    assertThat(html).contains("<h1>Päätös henkilökohtaisesta budjetoinnista</h1>", "HB-2026-000001", "12.6.2026",
        "<h2>Asiakas</h2>", "<h2>Päätös</h2>", "<h2>Perustelut</h2>", "<h2>Budjetti</h2>", "<h2>Tukisuunnitelma</h2>",
        "<h2>Tuki</h2>", "<h2>Päätöksen tekijä</h2>", "<h2>Oikaisuvaatimusohje</h2>");
    assertThat(html).contains("Sinulle myönnetään henkilökohtainen budjetti.").doesNotContain("ei myönnetä");
    assertThat(html).contains(
        "<li>Henkilökohtainen apu: 40 tunti/kk × 32,45 € = 1 298,00 €/kk, 7/2026–6/2027 (12 kk): "
            + "<strong>15 576,00 €</strong></li>",
        "<li>Päivätoiminta: 8 päivä/kk × 68,24 € = 545,95 €/kk",
        "<strong>Yhteensä 22 127,40 €</strong>, keskimäärin",
        "<strong>Yhteensä:</strong> 22 127,40 €",
        "<strong>Budjettikausi:</strong> 1.7.2026–30.6.2027 (12 kk)",
        "<strong>Hinnasto:</strong> hb-yksikkohinnat v1",
        "<li>Avustaja kotiin — Avustajapalvelu Oy: 1 200,00 €/kk</li>");
    assertThat(html).contains("<strong>Tuki, jonka valitsit:</strong> HB-vastuuhenkilö",
        "<strong>Tukija:</strong> Heikki HB-vastuuhenkilö", "Auttaa palveluntuottajan valinnassa.");
    assertThat(html).contains("<strong>Nimi:</strong> Johanna Johtava", "Johtava sosiaalityöntekijä",
        "<strong>Päätöksentekijän toimivalta:</strong> Vuosibudjetti 30 000–100 000 €: päättää johtava "
            + "sosiaalityöntekijä (delegointisääntö 2).");
    assertThat(html).contains("Tavalliset palvelut eivät sovi arkeesi.<br>\nHenkilökohtainen budjetti sopii.");
    assertThat(html).doesNotContain("**15 576,00 €**", "**Yhteensä").doesNotContainPattern(NULL);
  }

  @Test
  void aGrantSaysTheProvisionsValidityEnforcementOrderAndContact() {
    Map<String, Object> v = grantedCase();
    v.put("hetiTaytantoon", true);
    v.put("yhteyshenkilo", "Sanna Sosiaalityöntekijä");
    v.put("yhteyshenkilonYhteystiedot", "puh. 040 123 4567, sanna@example.fi");
    for (String text : new String[] {doc(v).html(), doc(v).markdown()}) {
      assertThat(text).contains("Sovelletut säännökset", "Sosiaalihuoltolaki 1301/2014 45 §",
          "Vammaispalvelulaki 675/2023 5 § 1 mom", "Hallintolaki 434/2003 44–47 §",
          "Sosiaalihuoltolaki 1301/2014 52 § 1 mom");
      assertThat(text).contains("Voimassaolo", "Päätös on voimassa toistaiseksi (vammaispalvelulaki 675/2023 5 § 1 mom)",
          "1.7.2026–30.6.2027 (12 kk)");
      assertThat(text).contains("Täytäntöönpano", "Päätös määrätään heti täytäntöön pantavaksi (sosiaalihuoltolaki "
          + "1301/2014 52 § 1 mom)", "vaikka päätöksestä tehtäisiin oikaisuvaatimus");
      assertThat(text).contains("Lisätietoja", "Lisätietoja päätöksestä antaa:", "Sanna Sosiaalityöntekijä",
          "puh. 040 123 4567, sanna@example.fi");
      assertThat(text).contains("Perustelut", "Tavalliset palvelut eivät sovi arkeesi.");
      assertThat(text).doesNotContain("Poikkeaminen asiakassuunnitelmasta", "49 f §", "määräaikainen")
          .doesNotContainPattern(NULL);
    }
  }

  @Test
  void aFixedTermGrantWithoutTheOrderThatDepartsFromThePlanSaysWhyEachTime() {
    Map<String, Object> v = grantedCase();
    v.put("hetiTaytantoon", false);
    v.put("hetiTaytantoonPerustelu", "Asiakas toivoo palvelujen alkavan vasta syksyllä.");
    v.put("voimassaolo", "maaraaikainen");
    v.put("maaraaikaisuudenPerustelu", "Asiakas muuttaa ensi kesänä toiselle paikkakunnalle opiskelemaan.");
    v.put("poiketaanAsiakassuunnitelmasta", true);
    v.put("poikkeamisenPerustelu", "Päivätoiminnan sijaan budjetilla hankitaan avustajaa opiskeluun.");
    v.put("paattajanSahkoposti", "johtava@example.fi");
    for (String text : new String[] {doc(v).html(), doc(v).markdown()}) {
      assertThat(text).contains("Päätös on määräaikainen", "henkilön oma etu, yksilöllinen tilanne tai palvelun luonne",
          "Määräaikaisuuden peruste", "Asiakas muuttaa ensi kesänä toiselle paikkakunnalle opiskelemaan.",
          "1.7.2026–30.6.2027 (12 kk)");
      assertThat(text).contains("Päätöstä ei määrätä heti täytäntöön pantavaksi", "hallintolaki 434/2003 49 f §",
          "Asiakas toivoo palvelujen alkavan vasta syksyllä.");
      assertThat(text).contains("Poikkeaminen asiakassuunnitelmasta", "sosiaalihuoltolaki 1301/2014 45 § 4 mom",
          "Päivätoiminnan sijaan budjetilla hankitaan avustajaa opiskeluun.");
      // no contact on the form: the decider and their e-mail
      assertThat(text).contains("Johanna Johtava", "johtava@example.fi");
      assertThat(text).doesNotContain("voimassa toistaiseksi", "52 § 1 mom").doesNotContainPattern(NULL);
    }
  }

  @Test
  void aCaseOpenedBefore2025CitesTheOldDisabilityLawAndARejectionHasNoValidityOrEnforcement() {
    Map<String, Object> v = grantedCase();
    v.put("vireilletulopaiva", "2024-11-20");
    assertThat(doc(v).markdown()).contains("Vammaispalvelulaki 380/1987", "675/2023 42 § 2 mom")
        .doesNotContain("Vammaispalvelulaki 675/2023 5 § 1 mom (päätöksenteko");
    Map<String, Object> rejected = grantedCase();
    rejected.put("paatos", "hylatty");
    rejected.put("hetiTaytantoon", true); // left from an earlier grant: a refusal has no order
    assertThat(doc(rejected).markdown()).contains("Sovelletut säännökset", "Lisätietoja", "Oikaisuvaatimusohje")
        .doesNotContain("Voimassaolo", "Täytäntöönpano", "52 §");
  }

  @Test
  void theStandardTextsHaveEverySectionTheDocumentsUse() {
    assertThat(DecisionTexts.standard().names()).contains("sovelletut-saannokset", "sovelletut-saannokset-380/1987",
        "saannos-heti-taytantoon", "saannos-poikkeama-suunnitelmasta", "voimassa-toistaiseksi", "voimassa-maaraajan",
        "taytantoonpano-heti", "taytantoonpano-lainvoima", "poikkeama-suunnitelmasta", "yhteyshenkilo",
        "oikaisu-johdanto", "oikaisu-kuka", "oikaisu-kenelle", "oikaisu-maaraaika", "oikaisu-tiedoksisaanti",
        "oikaisu-sisalto", "oikaisu-toimitus", "oikaisu-maksu", "oikaisu-apu");
    DecisionTexts parsed = DecisionTexts.parse("# kommentti\n[a]\nEka rivi\njatkuu {x}.\n\n- yksi\n- kaksi {y}\n");
    assertThat(parsed.section("a", Map.of("x", "X"))).containsExactly(
        new DecisionTexts.Block(false, java.util.List.of("Eka rivi jatkuu X.")),
        new DecisionTexts.Block(true, java.util.List.of("yksi", "kaksi –")));
  }

  @Test
  void rectificationInstructionsSayWhoToWhomByWhenAndHow() {
    for (String text : new String[] {doc(grantedCase()).html(), doc(grantedCase()).markdown()}) {
      assertThat(text).contains("Hyvinvointialueen yksilöasioiden jaosto",
          "Kirjaamo, PL 1, 53101 Lappeenranta, kirjaamo@example.fi", "15.7.2026", "hallintolaki 434/2003 49 a–49 g §",
          "sosiaalihuoltolaki 1301/2014 50 §", "30 päivän kuluessa siitä, kun olet saanut päätöksen tiedoksi",
          "hallintolaki 434/2003 49 c §", "se, jota päätös koskee", "seitsemäntenä päivänä kirjeen lähettämisestä",
          "hallintolaki 434/2003 59 § 2 mom", "kolmantena päivänä viestin lähettämisestä",
          "laki sähköisestä asioinnista viranomaistoiminnassa 13/2003 19 § 2 mom", "(asianumero HB-2026-000001)",
          "kirjallisesti", "miten haluat päätöstä muutettavan", "miksi päätöstä pitäisi muuttaa", "Allekirjoita",
          "postitse tai sähköpostilla tai tuoda sen itse", "maksuton", "sosiaalityöntekijältäsi",
          "sosiaaliasiavastaavalta");
      assertThat(text).doesNotContain("hallintolaki 59 §)", "{asianumero}", "{osoite}");
    }

    Rectification notYetNotified = new Rectification("Yksilöasioiden jaosto", null, null);
    DecisionDocument doc = new DecisionDocument(grantedCase(), notYetNotified);
    assertThat(doc.html()).contains("30 päivän kuluessa siitä").doesNotContain("Viimeinen päivä")
        .doesNotContainPattern(NULL);
    assertThat(doc.markdown()).contains("30 päivän kuluessa siitä").doesNotContain("Viimeinen päivä", "**Osoite:**")
        .doesNotContainPattern(NULL);
  }

  @Test
  void markdownHasTheSameContentWithListsAndBold() {
    String md = doc(grantedCase()).markdown();

    assertThat(md).startsWith("# Päätös henkilökohtaisesta budjetoinnista\n");
    assertThat(md).contains("**Asianumero:** HB-2026-000001", "**Päätöspäivä:** 12.6.2026", "## Asiakas",
        "## Päätös\n", "## Perustelut", "## Budjetti", "## Tukisuunnitelma", "## Tuki", "## Päätöksen tekijä",
        "## Oikaisuvaatimusohje", "### Mihin mennessä?");
    assertThat(md).contains(
        "\n- Henkilökohtainen apu: 40 tunti/kk × 32,45 € = 1 298,00 €/kk, 7/2026–6/2027 (12 kk): **15 576,00 €**\n",
        "\n- Päivätoiminta: 8 päivä/kk × 68,24 € = 545,95 €/kk",
        "**Yhteensä 22 127,40 €**, keskimäärin",
        "**Hinnasto:** hb-yksikkohinnat v1",
        "**Budjettikausi:** 1.7.2026–30.6.2027 (12 kk)",
        "**Nimi:** Johanna Johtava",
        "**Päätöksentekijän toimivalta:** Vuosibudjetti 30 000–100 000 €",
        "**Viimeinen päivä:** 15.7.2026",
        "Sinulle myönnetään henkilökohtainen budjetti.");
    assertThat(md).doesNotContain("<").doesNotContainPattern(NULL);
  }

  @Test
  void henkilotunnusIsMasked() {
    DecisionDocument doc = doc(grantedCase());
    assertThat(doc.html()).contains("<strong>Henkilötunnus:</strong> 010594-****</p>");
    assertThat(doc.markdown()).contains("**Henkilötunnus:** 010594-\\*\\*\\*\\*  \n"); // shows as 010594-****
    for (String text : new String[] {doc.html(), doc.markdown()}) {
      assertThat(text).doesNotContain("123A");
    }
  }

  @Test
  void clientTypedHtmlIsEscapedInHtml() {
    Map<String, Object> v = grantedCase();
    v.put("asiakasNimi", "<script>alert(1)</script>");
    v.put("paatoksenPerustelut", "<img src=x onerror=alert(1)> & \"lainaus\"");
    v.put("suunnitelmaTeksti", "- <b>Avustaja</b> — <iframe src=x>: 100,00 €/kk\n");
    v.put("tuenSisalto", "</p><script>alert(2)</script>");

    String html = doc(v).html();

    assertThat(html).doesNotContain("<script", "</script", "<img", "<b>", "<iframe");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;lainaus&quot;",
        "<li>&lt;b&gt;Avustaja&lt;/b&gt; — &lt;iframe src=x&gt;: 100,00 €/kk</li>",
        "&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    assertThat(html).contains("<title>Päätös henkilökohtaisesta budjetoinnista – HB-2026-000001</title>");
  }

  @Test
  void clientTypedMarkupIsNeutralisedInMarkdown() {
    Map<String, Object> v = grantedCase();
    v.put("asiakasNimi", "<script>alert(1)</script>");
    v.put("paatoksenPerustelut", "<img src=x onerror=alert(1)>\n[klikkaa](javascript:alert(1))\n"
        + "# Otsikko\n- lista\n1. numero\n{{ henkilotunnus }} *kursiivi* `koodi` | taulu |");
    v.put("suunnitelmaTeksti", "- <b>Avustaja</b> — _Oy_: 100,00 €/kk\n");

    String md = doc(v).markdown();

    assertThat(md).doesNotContain("<script", "</script", "<img", "<b>", "[klikkaa](", "{{", "\n# Otsikko",
        "\n- lista", "\n1. numero", " *kursiivi*", "`koodi`", "| taulu |");
    assertThat(md).contains("&lt;script\\>alert(1)&lt;/script\\>", "&lt;img src=x onerror=alert(1)\\>",
        "\\[klikkaa\\](javascript:alert(1))", "\\# Otsikko", "\\- lista", "1\\. numero",
        "\\{\\{ henkilotunnus \\}\\}", "\\*kursiivi\\*", "\\`koodi\\`", "\\| taulu \\|",
        "\n- &lt;b\\>Avustaja&lt;/b\\> — \\_Oy\\_: 100,00 €/kk\n");
  }

  @Test
  void missingOptionalValuesLeaveTheirLinesOut() {
    Map<String, Object> v = new HashMap<>();
    v.put("paatos", "myonnetty");
    v.put("hbAsia", "HB-2026-000002");
    v.put("paattaja", "sosiaalityontekija");
    v.put("paattajanNimi", "  ");
    v.put("tukijanNimi", null);

    DecisionDocument doc = doc(v);
    for (String text : new String[] {doc.html(), doc.markdown()}) {
      assertThat(text).doesNotContainPattern(NULL)
          .doesNotContain("Henkilötunnus", "Kotikunta", "Päätöspäivä", "Perustelut", "Budjetti on yhteensä", "Hinnasto",
              "Tukisuunnitelma", "Tukija", "toimivalta", "Tehtävä")
          .contains("HB-2026-000002", "sosiaalityontekija", "Sinulle myönnetään henkilökohtainen budjetti.",
              "Oikaisuvaatimusohje");
    }
  }

  @Test
  void rejectedDecisionSaysSoPlainlyAndShowsTheBudgetAppliedFor() {
    Map<String, Object> v = grantedCase();
    v.put("paatos", "hylatty");
    v.put("paatoksenPerustelut", "Nykyistä palvelua voidaan muokata tarpeitasi vastaavaksi.");

    DecisionDocument doc = doc(v);
    assertThat(doc.html()).contains("Sinulle ei myönnetä henkilökohtaista budjettia.", "<h2>Haettu budjetti</h2>",
        "<strong>Hinnasto:</strong> hb-yksikkohinnat v1", "Nykyistä palvelua voidaan muokata")
        .doesNotContain("Sinulle myönnetään", "<h2>Budjetti</h2>");
    assertThat(doc.markdown()).contains("Sinulle ei myönnetä henkilökohtaista budjettia.", "## Haettu budjetti")
        .doesNotContain("Sinulle myönnetään", "## Budjetti\n");
  }

  @Test
  void supportModelCodesBecomeFinnishNames() {
    Map<String, Object> v = grantedCase();
    v.put("tukimalli", "EI_TUKEA");
    v.remove("tukijanNimi");
    v.remove("tuenSisalto");
    assertThat(doc(v).markdown()).contains("**Tuki, jonka valitsit:** Ei tukea").doesNotContain("EI_TUKEA", "**Tukija:**");

    v.put("tukimalli", "LAHEISET");
    assertThat(doc(v).html()).contains("Läheiset (perhe, ystävät)").doesNotContain("LAHEISET");
  }

  @Test
  void anUnpairedBoldMarkerStaysText() {
    assertThat(DecisionDocument.spans("a **b** c ** d")).containsExactly(new DecisionDocument.Span("a ", false),
        new DecisionDocument.Span("b", true), new DecisionDocument.Span(" c ", false),
        new DecisionDocument.Span("** d", false));
  }

  @Test
  void refusesADocumentWithoutADecision() {
    Map<String, Object> v = grantedCase();
    v.remove("paatos");
    assertThatThrownBy(() -> doc(v)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Päätös");
    assertThatThrownBy(() -> new Rectification(" ", null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The breakdown as the budget calculation stores it (JSON), from a real calculation with legal bases. */
  private static String storedBreakdown() throws Exception {
    fi.hbflow.budget.PriceList prices = new fi.hbflow.budget.PriceList() {
      @Override
      public java.util.Optional<fi.hbflow.budget.UnitPrice> priceOn(String type, LocalDate day) {
        return java.util.Optional.of(switch (type) {
          case "HENKILOKOHTAINEN_APU" -> new fi.hbflow.budget.UnitPrice("Henkilökohtainen apu", "tunti",
              new java.math.BigDecimal(day.getYear() == 2026 ? "32.45" : "33.40"), "esimerkki", 744,
              "Vammaispalvelulaki 675/2023 9 §");
          default -> new fi.hbflow.budget.UnitPrice("Asumisen tuki", "vuorokausi", new java.math.BigDecimal("201.00"),
              "esimerkki", 31, "Vammaispalvelulaki 675/2023 18 §");
        });
      }

      @Override
      public String version() {
        return "hb-yksikkohinnat v2";
      }
    };
    fi.hbflow.budget.Budget budget = new fi.hbflow.budget.BudgetCalculator().calculate(
        java.util.List.of(new fi.hbflow.budget.ServiceNeed("HENKILOKOHTAINEN_APU", 40),
            new fi.hbflow.budget.ServiceNeed("ASUMISEN_TUKI", 10)),
        fi.hbflow.budget.BudgetPeriod.startingOn(LocalDate.of(2026, 7, 1), 12), prices);
    return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fi.hbflow.budget.BudgetPresentation.tree(budget));
  }

  @Test
  void theBudgetTableShowsEachLineWithItsLegalBasis() throws Exception {
    Map<String, Object> v = grantedCase();
    v.put("budjettierittely", storedBreakdown());
    String html = doc(v).html();
    assertThat(html).contains("<th>Palvelu</th><th>Lainkohta</th><th>Määrä/kk</th><th>Yksikköhinta</th><th>€/kk</th>"
        + "<th>Aika</th><th>Yhteensä</th>");
    assertThat(html).contains("<tr><td>Henkilökohtainen apu</td><td>Vammaispalvelulaki 675/2023 9 §</td><td>40 (tunti)</td>"
        + "<td>32,45 €/tunti</td><td>1 298,00 €</td><td>7/2026–12/2026 (6 kk)</td><td>7 788,00 €</td></tr>");
    assertThat(html).contains("<tr><td>Henkilökohtainen apu</td><td>Vammaispalvelulaki 675/2023 9 §</td><td>40 (tunti)</td>"
        + "<td>33,40 €/tunti</td><td>1 336,00 €</td><td>1/2027–6/2027 (6 kk)</td><td>8 016,00 €</td></tr>");
    assertThat(html).contains("<tr><td>Asumisen tuki</td><td>Vammaispalvelulaki 675/2023 18 §</td><td>10 (vuorokausi)</td>"
        + "<td>201,00 €/vuorokausi</td><td>2 010,00 €</td><td>7/2026–6/2027 (12 kk)</td><td>24 120,00 €</td></tr>");
    // the table replaces the list of the breakdown text, the totals stay
    assertThat(html).doesNotContain("<li>Henkilökohtainen apu:").contains("<strong>Yhteensä:</strong> 22 127,40 €");

    String md = doc(v).markdown();
    assertThat(md).contains("| Palvelu | Lainkohta | Määrä/kk | Yksikköhinta | €/kk | Aika | Yhteensä |\n"
        + "| --- | --- | --- | --- | --- | --- | --- |\n"
        + "| Henkilökohtainen apu | Vammaispalvelulaki 675/2023 9 § | 40 (tunti) | 32,45 €/tunti | 1 298,00 € | "
        + "7/2026–12/2026 (6 kk) | 7 788,00 € |\n");
    assertThat(md).contains("| Asumisen tuki | Vammaispalvelulaki 675/2023 18 § | 10 (vuorokausi) | 201,00 €/vuorokausi | "
        + "2 010,00 € | 7/2026–6/2027 (12 kk) | 24 120,00 € |");
  }

  @Test
  void aBreakdownWithoutTableRowsIsShownAsItsTextAndCellsAreEscaped() throws Exception {
    Map<String, Object> v = grantedCase();
    v.put("budjettierittely", "{\"kuukaudet\": []}"); // a budget calculated before the table rows existed
    assertThat(doc(v).html()).contains("<li>Henkilökohtainen apu: 40 tunti/kk").doesNotContain("<table>");

    v.put("budjettierittely", "{\"erittely\": [{\"nimi\": \"<b>A|B</b>\", \"lainkohta\": \"\", \"maara\": 1,"
        + " \"yksikko\": \"tunti\", \"yksikkohinta\": \"1.00\", \"kkSentit\": 100, \"alkuKk\": \"2026-07\","
        + " \"loppuKk\": \"2026-07\", \"kuukausia\": 1, \"yhteensaSentit\": 100}]}");
    assertThat(doc(v).html()).contains("<td>&lt;b&gt;A|B&lt;/b&gt;</td><td>–</td>").doesNotContain("<b>A");
    assertThat(doc(v).markdown()).contains("| &lt;b\\>A\\|B&lt;/b\\> | – | 1 (tunti) | 1,00 €/tunti | 1,00 € | 7/2026 (1 kk) | 1,00 € |");
  }
}
