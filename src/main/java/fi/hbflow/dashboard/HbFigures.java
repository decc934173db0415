package fi.hbflow.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The figures of the HB dashboard and the {@code hb_*} Prometheus series (brief §5, what managers and THL measure),
 * for one selection of cases. Counts are of HB cases ({@code hb-palveluprosessi} instances); money is in euro cents.
 *
 * @param computedAt     when the figures were computed (ISO instant); they may be up to a minute old
 * @param filter         the selection
 * @param options        every month and municipality there are cases of (for the selection lists)
 * @param cases          cases in the selection, running and ended, by outcome
 * @param byMonth        cases per month of opening
 * @param byMunicipality cases per municipality
 * @param openByStep     running cases per current step, in the order of the process
 * @param clocks         lead times against each legal clock
 * @param rectification  rectification requests (oikaisuvaatimukset) and their outcomes
 * @param budget         budgets granted and used
 * @param supportModels  cases per support model chosen (tukimalli)
 * @param satisfaction   the clients' satisfaction (the latest plain-language feedback of each case)
 * @param transition     running cases decided under the old law, to be decided anew (siirtymäajan päätökset)
 */
public record HbFigures(String computedAt, DashboardSelection filter, Options options, Cases cases, List<Count> byMonth,
                        List<Count> byMunicipality, List<Count> openByStep, List<Clock> clocks,
                        Rectification rectification, Budget budget, List<Count> supportModels,
                        Satisfaction satisfaction, Transition transition) {

  public record Options(List<String> months, List<String> municipalities) {
  }

  /** @param outcomes per outcome code ({@code kesken}, {@code ei_oikeutta}, ..., {@code keskeytetty}) */
  public record Cases(long total, long open, long ended, List<Count> outcomes) {
  }

  /** A count with its code and Finnish label. */
  public record Count(String key, String label, long count) {
  }

  /**
   * One legal clock, counted from the opening of the case ({@code vireilletulopaiva}) to the first recorded date of
   * its event.
   *
   * @param completed    cases whose event is recorded (the lead times are theirs)
   * @param medianDays   median lead time in calendar days (nearest rank), null without completed cases
   * @param p90Days      90th percentile
   * @param onTime       event on or before the last day
   * @param overdue      event after the last day, a breach recorded by the deadline watch, or a running case past
   *                     its last day without the event
   * @param pending      running cases whose last day has not come yet
   * @param overdueShare overdue / (onTime + overdue), null when both are 0
   */
  public record Clock(String clock, String label, long completed, Integer medianDays, Integer p90Days, long onTime,
                      long overdue, long pending, Double overdueShare) {
  }

  /**
   * @param requests         requests handled or in handling (instances of the task Oikaisuvaatimuksen käsittely)
   * @param pending          of which still in handling
   * @param casesWithRequest cases with at least one request
   * @param upheld           cases whose latest ruling is {@code hyvaksytty} (decided anew)
   * @param rejected         cases whose latest ruling is {@code hylatty} (the decision stands)
   */
  public record Rectification(long requests, long pending, long casesWithRequest, long upheld, long rejected) {
  }

  /**
   * Cases whose (latest) decision is {@code myonnetty}.
   *
   * @param grantedCents the budgets of their periods ({@code budjettiKausiSentit})
   * @param annualCents  their annual budgets ({@code vuosibudjettiSentit})
   * @param usedCents    what has been used of them ({@code kaytettySentit}, the budget-use ledger)
   * @param useShare     used / granted, null when nothing is granted
   */
  public record Budget(long grantedCases, long grantedCents, long annualCents, long usedCents, Double useShare) {
  }

  /**
   * @param responses    cases with feedback given ({@code tyytyvaisyys}: the average of the four answers, 1–5)
   * @param mean         the mean over those cases, null without any
   * @param distribution cases per whole number 1–5 (the average rounded down)
   */
  public record Satisfaction(long responses, Double mean, Map<Integer, Long> distribution) {
  }

  /**
   * Running cases whose decision was made under the old law (Vammaispalvelulaki 380/1987 or Kehitysvammalaki 519/1977)
   * and must be made anew by {@code erapaiva_SIIRTYMA} (at the latest 1.1.2028).
   *
   * @param open        running cases with {@code siirtymaajanPaatos} = true
   * @param dueSoon     of which {@code erapaiva_SIIRTYMA} is within 90 days or already past
   * @param past        of which it is already past
   */
  public record Transition(long open, long dueSoon, long past) {
  }
}
