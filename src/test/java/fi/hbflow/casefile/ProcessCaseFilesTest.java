package fi.hbflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed reads and writes of the other processes' case files (the names: {@link CaseFileNamesTest}). */
class ProcessCaseFilesTest {

  @Test
  void theLedgerReadsItsPeriodWithTheCasesMessagesAndLimits() {
    LedgerCaseFile ledger = LedgerCaseFile.of(Map.of(LedgerCaseFile.PERIOD_START, "2026-07-01",
        LedgerCaseFile.PERIOD_MONTHS, 12L, LedgerCaseFile.BUDGET_CENTS, 1_200_000L,
        LedgerCaseFile.LATEST_EXPENSE_DATE, "2026-08-03"), (n, v) -> { });
    assertThat(ledger.periodStart()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(ledger.periodMonths()).isEqualTo(12);
    assertThat(ledger.budgetCents()).isEqualTo(1_200_000L);
    assertThat(ledger.usedCents()).isNull();
    assertThat(ledger.latestExpenseDate()).isEqualTo(LocalDate.of(2026, 8, 3));

    LedgerCaseFile bad = LedgerCaseFile.of(Map.of(LedgerCaseFile.PERIOD_MONTHS, 25,
        LedgerCaseFile.BUDGET_CENTS, "1200000"), (n, v) -> { });
    List<String> problems = new ArrayList<>();
    CaseFile.collecting(problems, bad::periodStart);
    CaseFile.collecting(problems, bad::periodMonths);
    assertThat(problems).containsExactly("Budjettikauden alku puuttuu.",
        "Budjettikauden pituus: sallittu 1–24, annettu 25.");
    assertThat(bad.budgetCents()).as("a budget stored as text is not the ledger's number").isNull();
  }

  @Test
  void aValueWrittenIsReadBackAndNullRemoves() {
    Map<String, Object> stored = new HashMap<>(Map.of(LedgerCaseFile.USED_CENTS, 100L,
        LedgerCaseFile.ALERT_REASON, "yli"));
    // a reader that caches what it read once, as ScopeVariables does
    Map<String, Object> cached = Map.copyOf(stored);
    LedgerCaseFile ledger = LedgerCaseFile.of(cached, (n, v) -> {
      if (v == null) {
        stored.remove(n);
      } else {
        stored.put(n, v);
      }
    });
    ledger.set(LedgerCaseFile.USED_CENTS, 250L);
    ledger.set(LedgerCaseFile.ALERT_REASON, null);
    assertThat(ledger.usedCents()).isEqualTo(250L);
    assertThat(ledger.raw(LedgerCaseFile.ALERT_REASON)).isNull();
    assertThat(stored).containsEntry(LedgerCaseFile.USED_CENTS, 250L).doesNotContainKey(LedgerCaseFile.ALERT_REASON);
  }

  @Test
  void theWatchRecordsItsCheck() {
    Map<String, Object> written = new HashMap<>();
    ClockWatchCaseFile watch = ClockWatchCaseFile.of(Map.of(ClockWatchCaseFile.CASE_ID, "42",
        ClockWatchCaseFile.MET_WHEN_VARIABLE, "paatospaiva", ClockWatchCaseFile.CLOCK, "PAATOS"), written::put);
    assertThat(watch.caseId()).isEqualTo("42");
    assertThat(watch.metWhenVariable()).isEqualTo("paatospaiva");
    assertThat(watch.clock()).isEqualTo("PAATOS");
    watch.recordCheck(false, List.of("sosiaalityo", "johtavat-sosiaalityontekijat"));
    assertThat(written).containsEntry(ClockWatchCaseFile.MET, false)
        .containsEntry(ClockWatchCaseFile.GROUPS_TO_REMIND, "sosiaalityo,johtavat-sosiaalityontekijat");
    watch.recordCheck(true, List.of());
    assertThat(written).containsEntry(ClockWatchCaseFile.MET, true).containsEntry(ClockWatchCaseFile.GROUPS_TO_REMIND, "");
  }

  @Test
  void theSopivaFilesShareTheirCommonNamesAndKeepTheirOwn() {
    assertThat(EventCaseFile.declaredNames()).contains(SopivaCaseFile.KEY, SopivaCaseFile.REPORT,
        EventCaseFile.EVENT_TYPE).doesNotContain(TrainingCaseFile.SESSION_LOG).doesNotHaveDuplicates();
    assertThat(TrainingCaseFile.declaredNames()).contains(SopivaCaseFile.KEY, SopivaCaseFile.FEEDBACK_AVERAGE,
        TrainingCaseFile.SESSION_LOG).doesNotContain(EventCaseFile.EVENT_TYPE).doesNotHaveDuplicates();
    assertThat(CaseChangeCaseFile.ENDING_FIELDS).containsExactly(HbCaseFile.ENDING_REASON, HbCaseFile.ENDING_DATE,
        HbCaseFile.ENDING_DETAILS);
  }
}
