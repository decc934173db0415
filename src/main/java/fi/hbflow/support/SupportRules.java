package fi.hbflow.support;

import fi.hbflow.casefile.HbCaseFile;
import fi.hbflow.casefile.SupportCaseFile;
import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server-side checks of the support-model choice {@code hb-tuen-valinta} (HB-tuen valinta): the task that follows
 * each support model (HB-responsible person, NGO, purchased support service), and the start form of a change of
 * supporter ({@code TuenVaihto}, checked by {@link SupportChangeStartListener}). The choice itself
 * ({@code Task_TuenValinta}) is checked by {@code StepRules.supportChoice}.
 *
 * <p>Also the one list of the variables a support choice produces, shared by the end listener (standalone change) and
 * the call activity's out-mapping (called from {@code hb-palveluprosessi}).
 */
public final class SupportRules {

  public static final String PROCESS = "hb-tuen-valinta";
  public static final String START = "TuenVaihto";
  public static final String CHOICE = "Task_TuenValinta";
  public static final String HB_PERSON_ACCEPTANCE = "Task_VastuuhenkilonVastaanotto";
  public static final String NGO_AGREEMENT = "Task_Jarjestosopimus";
  public static final String SUPPORT_VOUCHER = "Task_Tukipalveluseteli";

  /** The business key of an HB case, {@code HB-2026-000123}. */
  public static final Pattern CASE_KEY = Pattern.compile("^HB-\\d{4}-\\d{6}$");
  public static final Set<String> YES_NO = Set.of("kylla", "ei");

  /** What {@code Task_TuenValinta} records, whatever the model. */
  public static final List<String> CHOICE_VARIABLES = SupportCaseFile.CHOICE_VARIABLES;

  /** What the task of a support model records (and derives), by model; models without a task of their own are absent. */
  public static final Map<String, List<String>> MODEL_VARIABLES = modelVariables();

  private SupportRules() {
  }

  /** From the catalogue's column "Tehtävän muuttujat" ({@code processes/hb-tukimallit.dmn}). */
  private static Map<String, List<String>> modelVariables() {
    Map<String, List<String>> byModel = new LinkedHashMap<>();
    for (SupportModels.SupportModel model : SupportModels.shipped().all()) {
      if (!model.taskVariables().isEmpty()) {
        byModel.put(model.code(), model.taskVariables());
      }
    }
    return Collections.unmodifiableMap(byModel);
  }

  /** Every variable a support choice produces: the call activity maps these out, a standalone change writes them. */
  public static List<String> supportVariables() {
    List<String> all = new ArrayList<>(CHOICE_VARIABLES);
    MODEL_VARIABLES.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  /**
   * The support variables as they stand after a choice of {@code model}: the common ones and the chosen model's own,
   * the other models' variables as null (left over from an earlier choice or a declined HB-responsible person, they
   * would describe support the client no longer has).
   */
  public static Map<String, Object> supportValues(Map<String, Object> variables) {
    Object model = variables.get(SupportCaseFile.SUPPORT_MODEL);
    List<String> own = MODEL_VARIABLES.getOrDefault(model == null ? "" : model.toString(), List.of());
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : supportVariables()) {
      boolean belongs = CHOICE_VARIABLES.contains(name) || own.contains(name);
      values.put(name, belongs ? variables.get(name) : null);
    }
    return values;
  }

  public static List<FormRules> all() {
    return List.of(
        FormRules.of(HB_PERSON_ACCEPTANCE, SupportRules::hbPersonAcceptance),
        FormRules.of(NGO_AGREEMENT, SupportRules::ngoAgreement),
        FormRules.of(SUPPORT_VOUCHER, SupportRules::supportVoucher));
  }

  /** TuenVaihto: the start form of a change of supporter. Derives the canonical case key {@code hbAsia}. */
  static void changeStart(FormValues form) {
    caseKey(form);
    form.text("vaihdonSyy", "Tuen vaihdon syy", true, 5, FormValues.MAX_TEXT);
  }

  /**
   * The case number typed into a start form ({@code hbAsia}, required), in its canonical form (derived as
   * {@code hbAsia}), or null with a problem.
   */
  public static String caseKey(FormValues form) {
    String typed = form.text(HbCaseFile.CASE_KEY, "HB-asian numero", true, 1, 50);
    if (typed == null) {
      return null;
    }
    String key = typed.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!CASE_KEY.matcher(key).matches()) {
      form.problem("HB-asian numero '" + typed + "' on väärän muotoinen: muoto HB-vvvv-nnnnnn, esim. HB-2026-000123.");
      return null;
    }
    form.derive(HbCaseFile.CASE_KEY, key);
    return key;
  }

  static void hbPersonAcceptance(FormValues form) {
    String answer = form.choice("vastuuhenkiloOttaaVastaan", "Otatko tukitehtävän vastaan", YES_NO, true);
    boolean accepts = "kylla".equals(answer);
    form.date("ensitapaamisenPaiva", "Ensitapaamisen päivä", accepts);
    if ("ei".equals(answer)) {
      form.text("vastuuhenkilonHuomiot", "Syy, miksi et voi ottaa tukitehtävää vastaan", true, 5, FormValues.MAX_TEXT);
    } else {
      form.text("vastuuhenkilonHuomiot", "Huomiot", false);
    }
    if (accepts && form.user() != null) {
      form.derive("vastuuhenkilo", form.user());
    }
  }

  static void ngoAgreement(FormValues form) {
    form.text("jarjestonNimi", "Järjestön nimi", true, 2, 200);
    form.text("jarjestonYhteyshenkilo", "Järjestön yhteyshenkilö", true, 2, 200);
    form.text("jarjestonYhteystiedot", "Järjestön yhteystiedot", true, 5, 300);
    form.pastDate("sopimuksenPaiva", "Sopimuksen päivä", true, null, null);
    form.text("sopimuksenSisalto", "Mitä järjestön kanssa sovittiin", true, 5, FormValues.MAX_TEXT);
  }

  static void supportVoucher(FormValues form) {
    form.text("tukipalvelunTuottaja", "Tukipalvelun tuottaja", true, 2, 200);
    Long cents = form.money("palvelusetelinArvoEuroaKk", "Palvelusetelin arvo €/kk", true);
    if (cents != null && cents <= 0) {
      form.problem("Palvelusetelin arvo €/kk: arvon on oltava suurempi kuin 0.");
    } else if (cents != null) {
      form.derive("palvelusetelinArvoSentit", cents);
    }
    form.text("palvelusetelinTunnus", "Palvelusetelin tunnus", true, 2, 50);
  }

}
