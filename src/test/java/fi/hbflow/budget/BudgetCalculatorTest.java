package fi.hbflow.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetCalculatorTest {

  /** Personal assistance 30.00 €/h until 2026-02-28, 31.005 €/h from 2026-03-01 (a price that needs rounding). */
  static final PriceList PRICES = new PriceList() {
    @Override
    public Optional<UnitPrice> priceOn(String type, LocalDate day) {
      if (type.equals("HENKILOKOHTAINEN_APU")) {
        BigDecimal euros = day.isBefore(LocalDate.of(2026, 3, 1)) ? new BigDecimal("30.00") : new BigDecimal("31.005");
        return Optional.of(new UnitPrice("Henkilökohtainen apu", "tunti", euros, "testi", 744, "Vammaispalvelulaki 675/2023 9 §"));
      }
      if (type.equals("LIIKKUMISEN_TUKI")) {
        return Optional.of(new UnitPrice("Liikkumisen tuki", "matka", new BigDecimal("28.85"), "testi", 300,
            "Vammaispalvelulaki 675/2023 28 §"));
      }
      if (type.equals("ASUMISEN_TUKI")) {
        return Optional.of(new UnitPrice("Asumisen tuki", "vuorokausi", new BigDecimal("201.00"), "testi", 31,
            "Vammaispalvelulaki 675/2023 18 §"));
      }
      if (type.equals("VALMENNUS") && day.getYear() < 2027) {
        return Optional.of(new UnitPrice("Valmennus", "tunti", new BigDecimal("63.90"), "testi", 744));
      }
      return Optional.empty();
    }

    @Override
    public String version() {
      return "testihinnasto v7";
    }
  };

  final BudgetCalculator calculator = new BudgetCalculator();

  @Test
  void eachMonthUsesThePriceValidOnItsFirstDay() {
    Budget budget = calculator.calculate(List.of(new ServiceNeed("HENKILOKOHTAINEN_APU", 100)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 1, 15), 4), PRICES);

    assertThat(budget.monthlyTotals()).containsExactly(
        java.util.Map.entry(YearMonth.of(2026, 1), 300000L),
        java.util.Map.entry(YearMonth.of(2026, 2), 300000L),
        java.util.Map.entry(YearMonth.of(2026, 3), 310050L),
        java.util.Map.entry(YearMonth.of(2026, 4), 310050L));
    assertThat(budget.totalCents()).isEqualTo(1_220_100L);
    assertThat(budget.priceListVersion()).isEqualTo("testihinnasto v7");
  }

  @Test
  void roundsHalfUpToCentsPerLinePerMonth() {
    // 1 h × 31.005 € = 31.005 → 31.01 each month (not 31.00, not a sum rounded once at the end)
    Budget budget = calculator.calculate(List.of(new ServiceNeed("HENKILOKOHTAINEN_APU", 1)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 3, 1), 3), PRICES);
    assertThat(budget.lines()).extracting(BudgetLine::cents).containsExactly(3101L, 3101L, 3101L);
    assertThat(budget.totalCents()).isEqualTo(9303L);
  }

  @Test
  void severalServicesAndTheirTotals() {
    Budget budget = calculator.calculate(
        List.of(new ServiceNeed("HENKILOKOHTAINEN_APU", 40), new ServiceNeed("LIIKKUMISEN_TUKI", 18)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 12), PRICES);
    // 40 × 30.00 = 1200.00 (2 months), 40 × 31.005 = 1240.20 (10 months), 18 × 28.85 = 519.30 (12 months)
    long expected = 2 * 120000 + 10 * 124020 + 12 * 51930;
    assertThat(budget.totalCents()).isEqualTo(expected);
    assertThat(budget.annualCents()).isEqualTo(expected);
    assertThat(budget.lines()).hasSize(24);
    assertThat(budget.serviceTypes()).containsExactly("HENKILOKOHTAINEN_APU", "LIIKKUMISEN_TUKI");
  }

  @Test
  void annualBudgetScalesAShortPeriodToTwelveMonths() {
    Budget budget = calculator.calculate(List.of(new ServiceNeed("LIIKKUMISEN_TUKI", 10)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 5), PRICES);
    assertThat(budget.totalCents()).isEqualTo(5 * 28850L);
    assertThat(budget.annualCents()).isEqualTo(12 * 28850L);
  }

  @Test
  void unknownServiceIsNamed() {
    assertThatThrownBy(() -> calculator.calculate(List.of(new ServiceNeed("RATSASTUS", 2)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 12), PRICES))
        .isInstanceOf(BudgetException.class).hasMessageContaining("RATSASTUS").hasMessageContaining("ei ole yksikköhintaa");
  }

  @Test
  void aMissingPriceLaterInThePeriodIsNamedWithItsMonth() {
    assertThatThrownBy(() -> calculator.calculate(List.of(new ServiceNeed("VALMENNUS", 2)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 6, 1), 12), PRICES))
        .isInstanceOf(BudgetException.class).hasMessageContaining("2027-01-01");
  }

  @Test
  void negativeAmountsAreRefused() {
    assertThatThrownBy(() -> calculator.calculate(List.of(new ServiceNeed("LIIKKUMISEN_TUKI", -3)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 12), PRICES))
        .isInstanceOf(BudgetException.class).hasMessageContaining("negatiivinen");
  }

  @Test
  void amountsAboveThePlausibleMaximumAreRefused() {
    assertThatThrownBy(() -> calculator.calculate(List.of(new ServiceNeed("LIIKKUMISEN_TUKI", 301)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 12), PRICES))
        .isInstanceOf(BudgetException.class).hasMessageContaining("301").hasMessageContaining("300");
  }

  @Test
  void noNeedsAndBadPeriodsAreRefused() {
    assertThatThrownBy(() -> calculator.calculate(List.of(), BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 12), PRICES))
        .isInstanceOf(BudgetException.class);
    assertThatThrownBy(() -> BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 0)).isInstanceOf(BudgetException.class);
    assertThatThrownBy(() -> BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 25)).isInstanceOf(BudgetException.class);
  }

  @Test
  void presentationShowsEachPriceSpanAndTheTotal() {
    Budget budget = calculator.calculate(List.of(new ServiceNeed("HENKILOKOHTAINEN_APU", 100)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 4), PRICES);
    String md = BudgetPresentation.markdown(budget);
    assertThat(md).contains("100 × 30,00 €/tunti = 3 000,00 €/kk, 1/2026–2/2026 (2 kk): **6 000,00 €**");
    assertThat(md).contains("100 × 31,01 €/tunti = 3 100,50 €/kk, 3/2026–4/2026 (2 kk)");
    assertThat(md).contains("**Yhteensä 12 201,00 €**");
  }

  @Test
  void everyLineOfTheBreakdownCarriesItsLegalBasis() {
    Budget budget = calculator.calculate(List.of(new ServiceNeed("HENKILOKOHTAINEN_APU", 40), new ServiceNeed("LIIKKUMISEN_TUKI", 18)),
        BudgetPeriod.startingOn(LocalDate.of(2026, 3, 1), 2), PRICES);
    assertThat(budget.lines()).allSatisfy(l -> assertThat(l.legalBasis()).startsWith("Vammaispalvelulaki 675/2023 "));
    String md = BudgetPresentation.markdown(budget);
    assertThat(md).contains("- Henkilökohtainen apu (Vammaispalvelulaki 675/2023 9 §): 40 × 31,01 €/tunti")
        .contains("- Liikkumisen tuki (Vammaispalvelulaki 675/2023 28 §): 18 × 28,85 €/matka = 519,30 €/kk, 3/2026–4/2026 (2 kk)");
    var tree = BudgetPresentation.tree(budget);
    @SuppressWarnings("unchecked")
    var months = (List<java.util.Map<String, Object>>) tree.get("kuukaudet");
    @SuppressWarnings("unchecked")
    var lines = (List<java.util.Map<String, Object>>) months.get(0).get("rivit");
    assertThat(lines).extracting(l -> l.get("lainkohta"))
        .containsExactly("Vammaispalvelulaki 675/2023 9 §", "Vammaispalvelulaki 675/2023 28 §");
    @SuppressWarnings("unchecked")
    var spans = (List<java.util.Map<String, Object>>) tree.get("erittely");
    assertThat(spans).hasSize(2);
    assertThat(spans.get(1)).containsEntry("nimi", "Liikkumisen tuki").containsEntry("lainkohta", "Vammaispalvelulaki 675/2023 28 §")
        .containsEntry("kkSentit", 51_930L).containsEntry("alkuKk", "2026-03").containsEntry("loppuKk", "2026-04")
        .containsEntry("kuukausia", 2).containsEntry("yhteensaSentit", 103_860L);
  }

  /** hb-palvelukoodit as shipped. */
  static final ServiceCodes CODES = code -> switch (code) {
    case "TUETTU_ASUMINEN" -> "ASUMISEN_TUKI";
    case "KULJETUSPALVELU" -> "LIIKKUMISEN_TUKI";
    case "TYOTOIMINTA" -> "KEHITYSVAMMAISTEN_TYOTOIMINTA";
    default -> code;
  };

  @Test
  void anEarlierCasesOldCodesAreReadAsTheirCurrentCodes() {
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("tarve_TUETTU_ASUMINEN", 20);
    variables.put("tarve_KULJETUSPALVELU", 18L);
    variables.put("tarve_TYOTOIMINTA", "10");
    variables.put("tarve_HENKILOKOHTAINEN_APU", 40);
    variables.put("asiakasNimi", "Aino");
    List<String> problems = new java.util.ArrayList<>();
    assertThat(ServiceNeeds.from(variables, CODES, problems)).containsExactly(new ServiceNeed("ASUMISEN_TUKI", 20),
        new ServiceNeed("HENKILOKOHTAINEN_APU", 40), new ServiceNeed("KEHITYSVAMMAISTEN_TYOTOIMINTA", 10),
        new ServiceNeed("LIIKKUMISEN_TUKI", 18));
    assertThat(problems).isEmpty();
    // without the code table the codes are read as recorded
    assertThat(ServiceNeeds.from(variables, problems)).extracting(ServiceNeed::serviceType)
        .containsExactly("HENKILOKOHTAINEN_APU", "KULJETUSPALVELU", "TUETTU_ASUMINEN", "TYOTOIMINTA");
  }

  @Test
  void aValueUnderTheCurrentCodeReplacesTheOldOneAndZeroEndsIt() {
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("tarve_TUETTU_ASUMINEN", 20);
    variables.put("tarve_ASUMISEN_TUKI", 25);
    variables.put("tarve_KULJETUSPALVELU", 18);
    variables.put("tarve_LIIKKUMISEN_TUKI", 0);
    variables.put("tarve_TYOTOIMINTA", 10);
    variables.put("tarve_KEHITYSVAMMAISTEN_TYOTOIMINTA", null); // an empty field of the new form: the old need stays
    List<String> problems = new java.util.ArrayList<>();
    assertThat(ServiceNeeds.from(variables, CODES, problems)).containsExactly(new ServiceNeed("ASUMISEN_TUKI", 25),
        new ServiceNeed("KEHITYSVAMMAISTEN_TYOTOIMINTA", 10));
    assertThat(problems).isEmpty();
  }

  @Test
  void anOldCodeIsPricedNamedAndGivenItsSectionUnderItsCurrentCode() {
    java.util.Map<String, Object> variables = java.util.Map.of("tarve_TUETTU_ASUMINEN", 20, "tarve_KULJETUSPALVELU", 18);
    List<String> problems = new java.util.ArrayList<>();
    Budget budget = calculator.calculate(ServiceNeeds.from(variables, CODES, problems),
        BudgetPeriod.startingOn(LocalDate.of(2026, 1, 1), 1), PRICES);
    assertThat(budget.serviceTypes()).containsExactly("ASUMISEN_TUKI", "LIIKKUMISEN_TUKI");
    assertThat(BudgetPresentation.markdown(budget))
        .contains("- Asumisen tuki (Vammaispalvelulaki 675/2023 18 §): 20 × 201,00 €/vuorokausi = 4 020,00 €/kk")
        .contains("- Liikkumisen tuki (Vammaispalvelulaki 675/2023 28 §): 18 × 28,85 €/matka = 519,30 €/kk")
        .doesNotContain("Tuettu asuminen", "Kuljetuspalvelu");
  }
}
