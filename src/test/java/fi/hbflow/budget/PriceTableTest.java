package fi.hbflow.budget;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.engine.DmnTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import fi.hbflow.TestEngine;

/** The shipped price table {@code hb-yksikkohinnat.dmn}, evaluated as the budget calculation does. */
@Deployment(resources = "processes/hb-yksikkohinnat.dmn")
class PriceTableTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;

  static final List<String> TYPES = List.of("HENKILOKOHTAINEN_APU", "PAIVATOIMINTA", "TYOTOIMINTA", "TUETTU_ASUMINEN",
      "LYHYTAIKAINEN_HUOLENPITO", "KULJETUSPALVELU", "VALMENNUS");

  @Test
  void everyServiceHasAPriceForEveryMonthOf2025To2027() {
    PriceList prices = DmnPriceList.latest(new DmnTables(engine));
    for (String type : TYPES) {
      for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() < 2028; day = day.plusMonths(1)) {
        UnitPrice price = prices.priceOn(type, day).orElseThrow(() -> new AssertionError("no price"));
        assertThat(price.euros()).isPositive();
        assertThat(price.source()).isNotBlank();
        assertThat(price.maxPerMonth()).isPositive();
      }
    }
  }

  @Test
  void priceChangesOnTheFirstOfJanuary() {
    PriceList prices = DmnPriceList.latest(new DmnTables(engine));
    assertThat(prices.priceOn("HENKILOKOHTAINEN_APU", LocalDate.of(2025, 12, 1)).orElseThrow().euros())
        .isEqualByComparingTo(new BigDecimal("31.50"));
    UnitPrice y2026 = prices.priceOn("HENKILOKOHTAINEN_APU", LocalDate.of(2026, 1, 1)).orElseThrow();
    assertThat(y2026.euros()).isEqualByComparingTo(new BigDecimal("32.45"));
    assertThat(y2026.unit()).isEqualTo("tunti");
    assertThat(y2026.serviceName()).isEqualTo("Henkilökohtainen apu");
    assertThat(prices.version()).isEqualTo("hb-yksikkohinnat v1");
  }

  @Test
  void noPriceOutsideTheTableOrForAnUnknownService() {
    PriceList prices = DmnPriceList.latest(new DmnTables(engine));
    assertThat(prices.priceOn("VALMENNUS", LocalDate.of(2028, 1, 1))).isEmpty();
    assertThat(prices.priceOn("VALMENNUS", LocalDate.of(2024, 12, 1))).isEmpty();
    assertThat(prices.priceOn("RATSASTUS", LocalDate.of(2026, 1, 1))).isEmpty();
  }
}
