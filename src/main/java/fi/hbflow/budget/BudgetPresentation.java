package fi.hbflow.budget;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a budget is shown to the worker and the client: line by line (the English peers' complaint was opaque amounts),
 * consecutive months with the same price folded into one line.
 */
public final class BudgetPresentation {

  private BudgetPresentation() {
  }

  /** Markdown for the read-only summaries of the plan and decision forms. */
  public static String markdown(Budget budget) {
    StringBuilder md = new StringBuilder();
    md.append("Budjettikausi ").append(month(budget.period().firstMonth())).append("–")
        .append(month(budget.period().lastMonth())).append(" (").append(budget.period().months()).append(" kk), hinnasto ")
        .append(budget.priceListVersion()).append(".\n\n");
    for (Span span : spans(budget)) {
      // "Henkilökohtainen apu (Vammaispalvelulaki 675/2023 9 §): 40 × 32,45 €/tunti = 1 298,00 €/kk, 7/2026–12/2026 (6 kk):
      // 7 788,00 €"
      md.append("- ").append(span.first.serviceName());
      if (!span.first.legalBasis().isBlank()) {
        md.append(" (").append(span.first.legalBasis()).append(')');
      }
      md.append(": ").append(span.first.amount()).append(" × ")
          .append(Money.format(span.first.unitPrice())).append('/').append(span.first.unit()).append(" = ")
          .append(Money.format(span.first.cents())).append("/kk, ").append(month(span.first.month()));
      if (span.months > 1) {
        md.append("–").append(month(span.first.month().plusMonths(span.months - 1L)));
      }
      md.append(" (").append(span.months).append(" kk): **").append(Money.format(span.first.cents() * span.months)).append("**\n");
    }
    md.append("\n**Yhteensä ").append(Money.format(budget.totalCents())).append("**, keskimäärin ")
        .append(Money.format(budget.averageMonthCents())).append("/kk, vuodessa ").append(Money.format(budget.annualCents()))
        .append(".\n");
    return md.toString();
  }

  /** The breakdown as a JSON-ready tree, stored with the case. */
  public static Map<String, Object> tree(Budget budget) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("hinnasto", budget.priceListVersion());
    tree.put("alkuKk", budget.period().firstMonth().toString());
    tree.put("kuukausia", budget.period().months());
    tree.put("yhteensaSentit", budget.totalCents());
    tree.put("vuodessaSentit", budget.annualCents());
    List<Map<String, Object>> months = new ArrayList<>();
    budget.monthlyTotals().forEach((month, total) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kuukausi", month.toString());
      m.put("yhteensaSentit", total);
      m.put("rivit", budget.lines().stream().filter(l -> l.month().equals(month)).map(BudgetPresentation::line).toList());
      months.add(m);
    });
    tree.put("kuukaudet", months);
    tree.put("erittely", spans(budget).stream().map(BudgetPresentation::span).toList());
    return tree;
  }

  /** A run of months with the same line: what the decision's budget table shows, one row each. */
  private static Map<String, Object> span(Span span) {
    BudgetLine l = span.first;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("palvelu", l.serviceType());
    m.put("nimi", l.serviceName());
    m.put("lainkohta", l.legalBasis());
    m.put("maara", l.amount());
    m.put("yksikko", l.unit());
    m.put("yksikkohinta", l.unitPrice().toPlainString());
    m.put("kkSentit", l.cents());
    m.put("alkuKk", l.month().toString());
    m.put("loppuKk", l.month().plusMonths(span.months - 1L).toString());
    m.put("kuukausia", span.months);
    m.put("yhteensaSentit", l.cents() * span.months);
    return m;
  }

  private static Map<String, Object> line(BudgetLine l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("palvelu", l.serviceType());
    m.put("nimi", l.serviceName());
    m.put("maara", l.amount());
    m.put("yksikko", l.unit());
    m.put("yksikkohinta", l.unitPrice().toPlainString());
    m.put("sentit", l.cents());
    m.put("lahde", l.source());
    m.put("lainkohta", l.legalBasis());
    return m;
  }

  private record Span(BudgetLine first, int months) {
  }

  private static List<Span> spans(Budget budget) {
    List<Span> spans = new ArrayList<>();
    for (String type : budget.serviceTypes()) {
      BudgetLine first = null;
      int count = 0;
      for (BudgetLine l : budget.lines()) {
        if (!l.serviceType().equals(type)) {
          continue;
        }
        if (first != null && l.unitPrice().compareTo(first.unitPrice()) == 0) {
          count++;
        } else {
          if (first != null) {
            spans.add(new Span(first, count));
          }
          first = l;
          count = 1;
        }
      }
      spans.add(new Span(first, count));
    }
    return spans;
  }

  private static String month(YearMonth m) {
    return m.getMonthValue() + "/" + m.getYear();
  }
}
