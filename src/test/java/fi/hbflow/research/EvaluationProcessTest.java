package fi.hbflow.research;

import fi.hbflow.casefile.JsonList;
import static fi.hbflow.caseflow.HbCaseDriver.decision;
import static fi.hbflow.caseflow.HbCaseDriver.plan;
import static fi.hbflow.caseflow.HbCaseDriver.standardAssessment;
import static fi.hbflow.caseflow.HbCaseDriver.startForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.hbflow.HbCaseModels;
import fi.hbflow.TestEngine;
import fi.hbflow.caseflow.HbCaseDriver;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.forms.FormRejected;
import fi.hbflow.forms.FormValues;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The evaluation and the feedback inside {@code hb-palveluprosessi}: submitted the way the Tasklist submits them
 * (checklists as Json), appended to the case's lists across the suitability step and the reviews.
 *
 * <p>Until {@code StepRules.suitability/review} call {@link EvaluationRules}, this test adds the call itself: a
 * wrapper around {@code ${formCheck}} runs the rules after the step's own. Once StepRules calls them, the wrapper sees
 * that the evaluation was already appended and steps aside, so the test holds before and after the wiring.
 */
@HbCaseModels
class EvaluationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = TestEngine.extension();

  ProcessEngine engine;
  HbCaseDriver hb;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    hb = new HbCaseDriver(engine);
    TaskListener stepRules = (TaskListener) Mocks.get("formCheck");
    Mocks.register("formCheck", (TaskListener) task -> {
      String step = task.getTaskDefinitionKey();
      int before = Evaluations.of(task.getVariable(Evaluations.VARIABLE)).size();
      stepRules.notify(task);
      boolean wired = Evaluations.of(task.getVariable(Evaluations.VARIABLE)).size() > before;
      if (wired || !(step.equals("Task_Soveltuvuus") || step.equals("Task_Seuranta"))) {
        return;
      }
      Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      FormValues form = new FormValues(task.getVariables(), EngineContext.today(), user != null ? user.getUserId() : null);
      if (step.equals("Task_Soveltuvuus")) {
        EvaluationRules.suitability(form);
      } else {
        EvaluationRules.review(form);
      }
      if (form.hasProblems()) {
        throw FormRejected.because(step, form.problems());
      }
      form.derived().forEach(task::setVariable);
    });
  }

  @Test
  void evaluationsAndFeedbackAccumulateOverTheCase() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    engine.getIdentityService().setAuthenticatedUserId("sosiaalityontekija");
    hb.complete(pi, "Task_Soveltuvuus", ResearchFixtures.withEvaluation(suitable()));
    engine.getIdentityService().clearAuthentication();

    Evaluations afterSuitability = Evaluations.of(hb.variable(pi, Evaluations.VARIABLE));
    assertThat(afterSuitability.size()).isEqualTo(1);
    JsonNode first = afterSuitability.latest().orElseThrow();
    assertThat(first.get("vaihe").asText()).isEqualTo("soveltuvuus");
    assertThat(first.get("kirjaaja").asText()).isEqualTo("sosiaalityontekija");
    assertThat(first.get("paiva").asText()).isEqualTo(HbCaseDriver.TODAY.toString());
    // the texts live in the list; the fields are empty for the next review, the limitation types are offered again
    assertThat(hb.variable(pi, EvaluationRules.CLIENT_VIEW)).isNull();
    assertThat(hb.variable(pi, EvaluationRules.BENEFITS)).isNull();
    // emptied means removed, not a Null-typed variable: Tasklist would submit the next checklist as type 'Null'
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
        .variableName(EvaluationRules.BENEFITS).count()).isZero();
    assertThat(JsonList.strings(hb.variable(pi, EvaluationRules.LIMITATIONS))).containsExactly("liikunta", "kuulo");

    hb.complete(pi, "Task_TuenValinta", Map.of("tukimalli", "VERTAISTUKI", "tukijanNimi", "Ville Vertainen",
        "suostumusTietojenLuovutukseen", true, "tuenSisalto", "Suunnitelman laatiminen"));
    hb.complete(pi, "Task_Tukisuunnitelma", plan("Henkilökohtainen avustaja", "Avustajapalvelu Oy", "1500,00",
        "Taksimatkat", "Taksi Etelä-Karjala", "300"));
    hb.complete(pi, "Task_Paatos", decision("myonnetty"));
    hb.notifyAndLetTheWindowClose(pi);
    hb.complete(pi, "Task_Toteutus", Map.of("toteutuksenAloituspaiva", "2026-06-15",
        "suunnitelma1Jarjestamistapa", "TYONANTAJAMALLI", "suunnitelma2Jarjestamistapa", "PALVELUSETELI"));

    // first review: the client answers; the limitation types come pre-filled, the rest is asked again
    LocalDate firstReview = reviewDay(pi);
    Map<String, Object> review = ResearchFixtures.withEvaluationAndFeedback(review(firstReview, "jatketaan"));
    review.remove(EvaluationRules.LIMITATIONS);
    hb.complete(pi, "Task_Seuranta", review);
    assertThat(hb.variable(pi, Feedbacks.SATISFACTION_VARIABLE)).isEqualTo(4.25);

    // second review: half the answers are refused and nothing is recorded; then the client declines
    LocalDate secondReview = reviewDay(pi);
    Map<String, Object> partial = ResearchFixtures.withEvaluationAndFeedback(review(secondReview, "paatetaan"));
    partial.put("paattymisenSyy", "asiakkaan_valinta");
    partial.remove("palaute_sainTuen");
    partial.remove("palaute_tyytyvainen");
    assertThatThrownBy(() -> hb.complete(pi, "Task_Seuranta", partial))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("vastaa kaikkiin neljään kysymykseen");
    assertThat(pi).isWaitingAt("Task_Seuranta");
    assertThat(Evaluations.of(hb.variable(pi, Evaluations.VARIABLE)).size()).isEqualTo(2);

    Map<String, Object> declined = ResearchFixtures.withEvaluation(review(secondReview, "paatetaan"));
    declined.put("paattymisenSyy", "asiakkaan_valinta");
    declined.putAll(ResearchFixtures.declinedFeedback());
    hb.complete(pi, "Task_Seuranta", declined);

    assertThat(pi).isEnded();
    var history = engine.getHistoryService();
    Evaluations all = Evaluations.of(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Evaluations.VARIABLE).singleResult().getValue());
    assertThat(all.entries()).extracting(e -> e.get("vaihe").asText() + " " + e.get("paiva").asText())
        .containsExactly("soveltuvuus " + HbCaseDriver.TODAY, "seuranta " + firstReview, "seuranta " + secondReview);
    assertThat(Evaluations.codes(all.latest().orElseThrow(), "toimintarajoitteet")).containsExactly("liikunta", "kuulo");
    Feedbacks feedbacks = Feedbacks.of(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Feedbacks.VARIABLE).singleResult().getValue());
    assertThat(feedbacks.size()).isEqualTo(2);
    assertThat(feedbacks.declinedCount()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Feedbacks.SATISFACTION_VARIABLE).singleResult().getValue()).isEqualTo(4.25);
  }

  @Test
  void aSuitabilityFormWithoutTheEvaluationIsRefusedAndTheCaseStaysWhereItWas() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    assertThatThrownBy(() -> hb.complete(pi, "Task_Soveltuvuus", suitable()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Toimintarajoitteen tyyppi: valitse vähintään yksi.")
        .hasMessageContaining("Työntekijän näkemys puuttuu.");
    assertThat(pi).isWaitingAt("Task_Soveltuvuus");
    assertThat(hb.variable(pi, Evaluations.VARIABLE)).isNull();
  }

  @Test
  void aNotSuitableCaseKeepsItsEvaluationToo() {
    ProcessInstance pi = hb.open(startForm());
    hb.complete(pi, "Task_Arviointi", standardAssessment());
    Map<String, Object> form = ResearchFixtures.withEvaluation(Map.of("hbSoveltuu", "ei", "nykyistaVoiMuokata", "kylla",
        "soveltuvuudenPerustelut", "Nykyistä asumispalvelua voidaan muokata."));
    hb.complete(pi, "Task_Soveltuvuus", form);
    assertThat(pi).isEnded().hasPassed("End_TavallisetPalvelut");
    Object list = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Evaluations.VARIABLE).singleResult().getValue();
    assertThat(Evaluations.of(list).size()).isEqualTo(1);
  }

  private static Map<String, Object> suitable() {
    return Map.of("hbSoveltuu", "kylla", "nykyistaVoiMuokata", "ei",
        "soveltuvuudenPerustelut", "Nykyistä palvelua ei voi muokata opiskelun aikatauluihin.");
  }

  private static Map<String, Object> review(LocalDate day, String outcome) {
    Map<String, Object> v = new HashMap<>();
    v.put("seurantapaiva", day.toString());
    v.put("seurannanHavainnot", "Budjetti on käytössä suunnitellusti.");
    v.put("seurannanTulos", outcome);
    return v;
  }

  /** Moves the clock to the review date and lets its timer fire; the review's day. */
  private LocalDate reviewDay(ProcessInstance pi) {
    Date due = (Date) hb.variable(pi, "erapaiva_SEURANTA");
    LocalDateTime at = LocalDateTime.ofInstant(due.toInstant(), ZoneId.of("Europe/Helsinki")).plusHours(9);
    HbCaseDriver.setClock(at);
    hb.runJobs(pi);
    return at.toLocalDate();
  }
}
