package fi.hbflow.budget;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.engine.DmnTables;
import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Palvelutarpeen arviointi: entitlement, the needed services and the budget period. Amounts are checked against the
 * price table's plausible maximum per month, so a typing error (7440 hours) is refused here, not budgeted.
 */
public class AssessmentRules implements FormRules {

  private final Supplier<PriceList> prices;
  private final Supplier<ServiceCodes> codes;

  public AssessmentRules(Supplier<PriceList> prices) {
    this(prices, () -> ServiceCodes.NONE);
  }

  public AssessmentRules(Supplier<PriceList> prices, Supplier<ServiceCodes> codes) {
    this.prices = prices;
    this.codes = codes;
  }

  /** The latest deployed price table and code table ({@code hb-yksikkohinnat}, {@code hb-palvelukoodit}). */
  public static AssessmentRules withLatestPrices(DmnTables tables) {
    return new AssessmentRules(() -> DmnPriceList.latest(tables), () -> DmnServiceCodes.latest(tables));
  }

  @Override
  public String activityId() {
    return "Task_Arviointi";
  }

  @Override
  public void check(FormValues form) {
    LocalDate opened = form.date(HbCaseFile.PENDING_SINCE, "Vireilletulopäivä", false);
    form.pastDate(HbCaseFile.ASSESSMENT_START, "Arvioinnin aloituspäivä", true, opened, "vireilletulopäivä");
    String entitled = form.choice(HbCaseFile.DISABILITY_SERVICES_RIGHT, "Oikeus vammaispalveluihin", Set.of("kylla", "ei"), true);
    form.text(HbCaseFile.ASSESSMENT_SUMMARY, "Arvioinnin yhteenveto", true, 10, FormValues.MAX_TEXT);
    if (!"kylla".equals(entitled)) {
      return;
    }
    List<String> needProblems = new ArrayList<>();
    List<ServiceNeed> needs = ServiceNeeds.from(form.rawValues(), codes.get(), needProblems);
    needProblems.forEach(form::problem);
    LocalDate start = form.date(HbCaseFile.BUDGET_PERIOD_START, "Budjettikauden alku", true);
    form.integer(HbCaseFile.BUDGET_PERIOD_MONTHS, "Budjettikauden pituus (kk)", 1, HbCaseFile.BUDGET_PERIOD_MAX_MONTHS, true);
    if (needs.isEmpty() && needProblems.isEmpty()) {
      form.problem("Merkitse vähintään yksi tarvittava palvelu ja sen määrä kuukaudessa.");
    }
    if (start == null) {
      return;
    }
    PriceList list = prices.get();
    LocalDate firstDay = start.withDayOfMonth(1);
    for (ServiceNeed need : needs) {
      // a price missing later in the period is left to the budget calculation, which names it and returns the case here
      list.priceOn(need.serviceType(), firstDay).ifPresentOrElse(price -> {
        if (need.amountPerMonth() > price.maxPerMonth()) {
          form.problem(price.serviceName() + ": " + need.amountPerMonth() + " " + price.unit() + "/kk on enemmän kuin "
              + "suurin sallittu " + price.maxPerMonth() + ". Tarkista määrä.");
        }
      }, () -> form.problem("Palvelulle " + need.serviceType() + " ei ole yksikköhintaa " + firstDay + " (hinnasto "
          + list.version() + "): tarkista palvelu ja budjettikauden alku."));
    }
  }

}
