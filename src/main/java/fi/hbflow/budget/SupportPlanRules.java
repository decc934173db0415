package fi.hbflow.budget;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.engine.LongText;
import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;

/**
 * Tukisuunnitelma: the client's plan, up to {@value #ROWS} rows of what, from whom and euros per month. The plan over
 * the whole period must stay within the calculated budget.
 */
public class SupportPlanRules implements FormRules {

  public static final int ROWS = 8;

  @Override
  public String activityId() {
    return "Task_Tukisuunnitelma";
  }

  @Override
  public void check(FormValues form) {
    form.text(HbCaseFile.PLAN_GOALS, "Tukisuunnitelman tavoitteet", true, 10, FormValues.MAX_TEXT);
    long monthCents = 0;
    int rows = 0;
    StringBuilder md = new StringBuilder();
    for (int n = 1; n <= ROWS; n++) {
      String what = "suunnitelma" + n + "Mita";
      String provider = "suunnitelma" + n + "Tuottaja";
      String euros = "suunnitelma" + n + "EuroaKk";
      if (!form.isPresent(what) && !form.isPresent(provider) && !form.isPresent(euros)) {
        continue;
      }
      String rowLabel = "Rivi " + n;
      String w = form.text(what, rowLabel + ": Mitä hankitaan", true, 2, 300);
      String p = form.text(provider, rowLabel + ": Tuottaja", true, 2, 200);
      Long cents = form.money(euros, rowLabel + ": €/kk", true);
      if (cents != null && cents == 0) {
        form.problem(rowLabel + ": €/kk ei voi olla 0.");
      }
      if (cents != null) {
        monthCents += cents;
      }
      rows++;
      md.append("- ").append(w).append(" — ").append(p).append(": ").append(cents == null ? "?" : Money.format(cents)).append("/kk\n");
    }
    if (rows == 0) {
      form.problem("Tukisuunnitelmassa ei ole yhtään riviä: kirjoita vähintään mitä hankitaan, keneltä ja paljonko kuukaudessa.");
    }
    if (form.hasProblems()) {
      return;
    }
    Integer months = form.integer(HbCaseFile.BUDGET_PERIOD_MONTHS, "Budjettikauden pituus", 1, HbCaseFile.BUDGET_PERIOD_MAX_MONTHS, true);
    Long budget = budgetCents(form);
    if (months == null || budget == null) {
      form.problem("Budjettia ei ole laskettu, joten suunnitelmaa ei voi verrata siihen.");
      return;
    }
    long planCents = monthCents * months;
    if (planCents > budget) {
      form.problem("Suunnitelma ylittää budjetin: " + Money.format(monthCents) + "/kk × " + months + " kk = "
          + Money.format(planCents) + ", budjetti " + Money.format(budget) + " (ylitys " + Money.format(planCents - budget)
          + "). Pienennä summia tai palaa arviointiin.");
      return;
    }
    md.append("\n**Yhteensä ").append(Money.format(monthCents)).append("/kk, kaudella ").append(Money.format(planCents))
        .append("** (budjetista käyttämättä ").append(Money.format(budget - planCents)).append(").\n");
    form.derive(HbCaseFile.PLAN_MONTH_CENTS, monthCents);
    form.derive(HbCaseFile.PLAN_TOTAL_TEXT, Money.format(planCents));
    form.derive(HbCaseFile.PLAN_TEXT, LongText.of(md.toString()));
  }

  private static Long budgetCents(FormValues form) {
    Object v = form.raw(HbCaseFile.BUDGET_PERIOD_CENTS);
    return v instanceof Number n ? n.longValue() : null;
  }
}
