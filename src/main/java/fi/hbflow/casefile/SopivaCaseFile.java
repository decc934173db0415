package fi.hbflow.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What the two SOPIVA processes share ({@code fi.hbflow.sopiva}): the business key kept for the forms, the outcome,
 * the feedback and the report. Their own names are in {@link EventCaseFile} ({@code hb-kehittamistapahtuma}) and
 * {@link TrainingCaseFile} ({@code hb-koulutus}); the server checks every form with {@code SopivaRules}.
 */
public abstract class SopivaCaseFile extends CaseFile {

  // --- aloitus (SopivaStartListener) ------------------------------------------------------------------------------
  /** SOPIVA-tunnus (the business key: KEHITTAMO-2026-1A2B, KOHTAAMO-…, KOULUTUS-…) */
  public static final String KEY = "sopivaTunnus";
  /** SOPIVA-tulos (raportoitu / peruttu), set by the model's end events */
  public static final String OUTCOME = "sopivaTulos";

  // --- palaute (forms hb-kehittamo-palaute, hb-koulutus-palaute) ----------------------------------------------------
  /** palautteen yhteenveto */
  public static final String FEEDBACK_SUMMARY = "palautteenYhteenveto";
  /** palautteen keskiarvo (1–5, kept with at most two decimals) */
  public static final String FEEDBACK_AVERAGE = "palautteenKeskiarvo";
  /** palautteen antajia */
  public static final String FEEDBACK_GIVERS = "palautteenAntajia";

  // --- raportti (forms hb-kehittamo-raportti, hb-koulutus-raportti) ------------------------------------------------
  /** raportti */
  public static final String REPORT = "raportti";
  /** jatkotoimet */
  public static final String FOLLOW_UP = "jatkotoimet";
  /** julkaistu (kylla / ei) */
  public static final String PUBLISHED = "julkaistu";
  /** julkaisupaikka */
  public static final String PUBLISHED_WHERE = "julkaisupaikka";

  protected SopivaCaseFile(Map<String, ?> variables, BiConsumer<String, Object> writer) {
    super(variables, writer);
  }

  /** Records the business key given at the start, for the forms. */
  public void recordKey(String key) {
    set(KEY, key);
  }

  /** The shared names and those of {@code type}. */
  protected static List<String> sopivaNames(Class<? extends SopivaCaseFile> type) {
    List<String> names = new ArrayList<>(declaredNames(SopivaCaseFile.class));
    names.addAll(declaredNames(type));
    return List.copyOf(names);
  }
}
