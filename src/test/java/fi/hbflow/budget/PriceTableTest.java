package fi.hbflow.budget;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hbflow.engine.DmnTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import fi.hbflow.TestEngine;

/**
 * The shipped price table {@code hb-yksikkohinnat.dmn} and code table {@code hb-palvelukoodit.dmn}, evaluated as the
 * budget calculation does: the 13 services of Vammaispalvelulaki 675/2023 6 § 1 mom, each with its section.
 */
@Deployment(resources = {"processes/hb-yksikkohinnat.dmn", "processes/hb-palvelukoodit.dmn"})
class PriceTableTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;

  /** 675/2023 6 § 1 mom, in its order: code → the name of the service and the section that gives the right to it. */
  static final Map<String, String[]> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put("VALMENNUS", new String[] {"Valmennus", "7 §"});
    SERVICES.put("HENKILOKOHTAINEN_APU", new String[] {"Henkilökohtainen apu", "9 §"});
    SERVICES.put("ERITYINEN_OSALLISUUDEN_TUKI", new String[] {"Erityinen osallisuuden tuki", "12 §"});
    SERVICES.put("TUETTU_PAATOKSENTEKO", new String[] {"Tuettu päätöksenteko", "14 §"});
    SERVICES.put("VAATIVA_MONIAMMATILLINEN_TUKI", new String[] {"Vaativa moniammatillinen tuki", "16 §"});
    SERVICES.put("ASUMISEN_TUKI", new String[] {"Asumisen tuki", "18 §"});
    SERVICES.put("LAPSEN_ASUMISEN_TUKI", new String[] {"Lapsen asumisen tuki", "19 §"});
    SERVICES.put("ESTEETTOMAN_ASUMISEN_TUKI", new String[] {"Esteettömän asumisen tuki", "22 §"});
    SERVICES.put("LYHYTAIKAINEN_HUOLENPITO", new String[] {"Lyhytaikainen huolenpito", "24 §"});
    SERVICES.put("PAIVATOIMINTA", new String[] {"Päivätoiminta", "25 §"});
    SERVICES.put("KEHITYSVAMMAISTEN_TYOTOIMINTA", new String[] {"Kehitysvammaisten henkilöiden työtoiminta", "27 §"});
    SERVICES.put("LIIKKUMISEN_TUKI", new String[] {"Liikkumisen tuki", "28 §"});
    SERVICES.put("HENGITYSLAITTEEN_VARASSA_ELAVAN_TUKI",
        new String[] {"Taloudellinen tuki hengityslaitteen varassa elävälle henkilölle", "33 §"});
  }

  @Test
  void theThirteenServicesOf6SectionHaveTheirNameSectionAndAPriceForEveryMonthOf2025To2027() {
    assertThat(SERVICES).hasSize(13);
    PriceList prices = DmnPriceList.latest(new DmnTables(engine));
    for (Map.Entry<String, String[]> service : SERVICES.entrySet()) {
      for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() < 2028; day = day.plusMonths(1)) {
        UnitPrice price = prices.priceOn(service.getKey(), day)
            .orElseThrow(() -> new AssertionError("no price for " + service.getKey()));
        assertThat(price.serviceName()).isEqualTo(service.getValue()[0]);
        assertThat(price.legalBasis()).as(service.getKey())
            .startsWith("Vammaispalvelulaki 675/2023 " + service.getValue()[1]);
        assertThat(price.euros()).isPositive();
        assertThat(price.source()).contains("ei virallinen hinta");
        assertThat(price.maxPerMonth()).isPositive();
        assertThat(price.unit()).isNotBlank();
      }
    }
    assertThat(prices.priceOn("LIIKKUMISEN_TUKI", LocalDate.of(2026, 1, 1)).orElseThrow().legalBasis())
        .isEqualTo("Vammaispalvelulaki 675/2023 28 § (kuljetuspalvelu 29 § 1 mom 1 k)");
  }

  @Test
  void theTableHasNoOtherServicesAndNoRowForTheOldCodes() throws Exception {
    String xml = new String(getClass().getClassLoader().getResourceAsStream("processes/hb-yksikkohinnat.dmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("_tyyppi\"><text>\"([A-Z_]+)\"</text>").matcher(xml);
    List<String> codes = new ArrayList<>();
    while (m.find()) {
      if (!codes.contains(m.group(1))) {
        codes.add(m.group(1));
      }
    }
    assertThat(codes).containsExactlyElementsOf(SERVICES.keySet());
    PriceList prices = DmnPriceList.latest(new DmnTables(engine));
    for (String old : List.of("TUETTU_ASUMINEN", "KULJETUSPALVELU", "TYOTOIMINTA")) {
      assertThat(prices.priceOn(old, LocalDate.of(2026, 1, 1))).as(old).isEmpty();
    }
  }

  @Test
  void renamedCodesMapToTheirServiceOf675_2023AndCurrentCodesToThemselves() {
    ServiceCodes codes = DmnServiceCodes.latest(new DmnTables(engine));
    assertThat(codes.current("TUETTU_ASUMINEN")).isEqualTo("ASUMISEN_TUKI");
    assertThat(codes.current("KULJETUSPALVELU")).isEqualTo("LIIKKUMISEN_TUKI");
    assertThat(codes.current("TYOTOIMINTA")).isEqualTo("KEHITYSVAMMAISTEN_TYOTOIMINTA");
    for (String code : SERVICES.keySet()) {
      assertThat(codes.current(code)).isEqualTo(code);
    }
    assertThat(codes.current("RATSASTUS")).isEqualTo("RATSASTUS");
    // every renamed code lands on a priced service
    PriceList prices = DmnPriceList.latest(new DmnTables(engine));
    for (String old : List.of("TUETTU_ASUMINEN", "KULJETUSPALVELU", "TYOTOIMINTA")) {
      assertThat(prices.priceOn(codes.current(old), LocalDate.of(2026, 1, 1))).as(old).isPresent();
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
    assertThat(y2026.legalBasis()).isEqualTo("Vammaispalvelulaki 675/2023 9 §");
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
