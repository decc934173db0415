package fi.hbflow.sopiva;

import fi.hbflow.casefile.EventCaseFile;
import fi.hbflow.casefile.SopivaCaseFile;
import fi.hbflow.casefile.TrainingCaseFile;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.forms.FormRejected;
import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Start listener of {@code hb-kehittamistapahtuma} and {@code hb-koulutus} ({@code ${sopivaStart}}): checks the start
 * form on the server with {@link SopivaRules#starts()}, refuses it with all its problems (nothing is started), and gives
 * the event or training a readable business key, {@code KEHITTAMO-2026-1A2B}, {@code KOHTAAMO-2026-…} or
 * {@code KOULUTUS-2026-…} (four random hexadecimal digits, unused so far), also kept as the variable
 * {@code sopivaTunnus} for the forms.
 */
public class SopivaStartListener implements ExecutionListener {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int KEY_ATTEMPTS = 20;

  private final Map<String, FormRules> rulesByStart = SopivaRules.starts().stream()
      .collect(Collectors.toMap(FormRules::activityId, Function.identity()));

  @Override
  public void notify(DelegateExecution execution) {
    String activity = execution.getCurrentActivityId();
    FormRules rules = rulesByStart.get(activity);
    if (rules == null) {
      throw new IllegalStateException("${sopivaStart} is meant for the start events " + rulesByStart.keySet()
          + ", not for " + activity);
    }
    // the start form is a submitted form: checked as one, with its labels
    FormValues form = new FormValues(execution.getVariables(), EngineContext.today());
    rules.check(form);
    if (form.hasProblems()) {
      throw FormRejected.because(activity, form.problems());
    }
    boolean training = SopivaRules.TRAINING_START.equals(activity);
    SopivaCaseFile file = training ? TrainingCaseFile.of(execution) : EventCaseFile.of(execution);
    form.derived().forEach(file::set);
    String key = unusedKey(execution.getProcessEngineServices().getHistoryService(),
        training ? TRAINING_PREFIX : ((EventCaseFile) file).eventType().toUpperCase(Locale.ROOT));
    execution.setProcessBusinessKey(key);
    file.recordKey(key);
  }

  /** The business key's prefix of a training; an event's is its type (KEHITTAMO, KOHTAAMO). */
  static final String TRAINING_PREFIX = "KOULUTUS";

  /** {@code PREFIX-<year>-<4 hex>} not given to any earlier event or training (running or ended). */
  static String unusedKey(HistoryService history, String prefix) {
    String base = prefix + "-" + EngineContext.today().getYear() + "-";
    for (int attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
      String key = base + String.format("%04X", RANDOM.nextInt(0x10000));
      long used = EngineContext.withoutAuthorization(() -> history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(key).count());
      if (used == 0) {
        return key;
      }
    }
    throw new IllegalStateException("No unused business key " + base + "XXXX after " + KEY_ATTEMPTS + " attempts");
  }
}
