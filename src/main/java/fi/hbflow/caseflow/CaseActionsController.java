package fi.hbflow.caseflow;

import fi.hbflow.accesslog.CaseReads;
import fi.hbflow.accesslog.Purposes;
import fi.hbflow.accesslog.ReadAccess;
import fi.hbflow.accesslog.ReadAccessLog;
import fi.hbflow.accesslog.ReadKind;
import fi.hbflow.engine.CaseMessages;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.forms.FormContract;
import fi.hbflow.identity.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Worker actions on an HB case between its review dates (issue 21 item 7), for the case's social workers (groups
 * {@code sosiaalityo}, {@code johtavat-sosiaalityontekijat}; {@code camunda-admin}):
 *
 * <ul>
 *   <li>{@code POST /hbflow/api/cases/{businessKey}/review-now} {@code {"seurantaNytSyy": "…"}}: the review is done
 *   now (message {@code HB_SEURANTA_NYT}); 409 when the case does not wait for a review.</li>
 *   <li>{@code POST /hbflow/api/cases/{businessKey}/end} {@code {"paattymisenSyy", "paattymisPaiva",
 *   "paattymisenLisatiedot"}} (the form {@code hb-paattyminen} is the contract): HB ends at once (message
 *   {@code HB_PAATTYY_HETI}); the answer lists the open commitments; 409 when the case has already ended.</li>
 * </ul>
 *
 * <p>401 without login, 403 outside the groups, 400 for a body the contract refuses (nothing is stored), 404 for an
 * unknown case. The values are stored and the message correlated in one transaction. Workers hold no rights on cases
 * (only on their tasks): the server authorises by group, then acts without the caller's engine authorizations; the
 * case data the answer returns is written to the read-access log before it leaves.
 */
@RestController
@RequestMapping(path = "/hbflow/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseActionsController {

  public static final Set<String> ALLOWED_GROUPS = Set.of(Roles.SOCIAL_WORK, Roles.LEADING_SOCIAL_WORKERS,
      Groups.CAMUNDA_ADMIN);
  private static final Logger LOG = Logger.getLogger(CaseActionsController.class.getName());

  private final ProcessEngine engine;
  private final ReadAccessLog readAccessLog;
  /** The ending form of each deployment (a deployed form never changes). */
  private final Map<String, FormContract> endingForms = new ConcurrentHashMap<>();

  public CaseActionsController(ProcessEngine engine, ReadAccessLog readAccessLog) {
    this.engine = engine;
    this.readAccessLog = readAccessLog;
  }

  @PostMapping(path = "/{businessKey}/review-now", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> reviewNow(@PathVariable String businessKey,
                                                       @RequestBody(required = false) Map<String, Object> body) {
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    ResponseEntity<Map<String, Object>> refused = refuseCaller(caller, "pyytää seurantaa");
    if (refused != null) {
      return refused;
    }
    List<String> problems = CaseChangeRules.reviewNow(body);
    if (!problems.isEmpty()) {
      return answer(HttpStatus.BAD_REQUEST, "Pyyntöä ei hyväksytty: " + String.join(" ", problems));
    }
    ProcessInstance hbCase = running(businessKey);
    if (hbCase == null) {
      return notRunning(businessKey);
    }
    if (!waitsFor(hbCase, CaseChanges.REVIEW_NOW)) {
      return answer(HttpStatus.CONFLICT, "Asia " + businessKey + " ei odota seurantaa (se on toteutuksessa, "
          + "seurannassa, muutoksenhaussa tai uudessa arvioinnissa), joten seurantaa ei voi aloittaa nyt. Mitään ei "
          + "tallennettu.");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(CaseChangeRules.REVIEW_NOW_REASON, body.get(CaseChangeRules.REVIEW_NOW_REASON).toString().strip());
    values.put("seurantaNytPyytaja", caller.getUserId());
    values.put("seurantaNytPaiva", EngineContext.today().toString());
    try {
      CaseMessages.correlate(engine, hbCase.getId(), CaseChanges.REVIEW_NOW, values);
    } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
      return changedMeanwhile(businessKey);
    }
    LOG.info(() -> "Review now of " + businessKey + " by " + caller.getUserId());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("hbAsia", businessKey);
    answer.put("tila", "Seuranta on avattu nyt: tehtävä Seuranta on omatyöntekijän työlistalla.");
    return ResponseEntity.ok(answer);
  }

  @PostMapping(path = "/{businessKey}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> end(@PathVariable String businessKey,
                                                 @RequestBody(required = false) Map<String, Object> body) {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    ResponseEntity<Map<String, Object>> refused = refuseCaller(caller, "päättää HB:tä");
    if (refused != null) {
      return refused;
    }
    ProcessInstance hbCase = running(businessKey);
    if (hbCase == null) {
      return notRunning(businessKey);
    }
    List<String> problems = CaseChangeRules.ending(body, endingForm(hbCase), EngineContext.today());
    if (!problems.isEmpty()) {
      return answer(HttpStatus.BAD_REQUEST, "Pyyntöä ei hyväksytty: " + String.join(" ", problems));
    }
    if (!waitsFor(hbCase, CaseChanges.END_NOW) || EngineContext.withoutCallerAuthorization(identity,
        () -> engine.getRuntimeService().getVariable(hbCase.getId(), "paattyiKeskenKirjattu")) != null) {
      return answer(HttpStatus.CONFLICT, "HB-asian " + businessKey + " päättäminen on jo aloitettu: päätä avoimet "
          + "sitoumukset tehtävässä HB:n päättäminen. Mitään ei tallennettu.");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    body.forEach((k, v) -> values.put(k, v instanceof String s ? s.strip() : v));
    values.put("paattymisenKirjaaja", caller.getUserId());
    try {
      CaseMessages.correlate(engine, hbCase.getId(), CaseChanges.END_NOW, values);
    } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
      return changedMeanwhile(businessKey);
    }
    LOG.info(() -> "HB " + businessKey + " ended at once by " + caller.getUserId());

    Map<String, Object> shown = EngineContext.withoutCallerAuthorization(identity, () -> {
      Map<String, Object> v = new LinkedHashMap<>();
      RuntimeService runtime = engine.getRuntimeService();
      if (runtime.createProcessInstanceQuery().processInstanceId(hbCase.getId()).count() > 0) {
        v.put("avoimetSitoumuksetTeksti", runtime.getVariable(hbCase.getId(), "avoimetSitoumuksetTeksti"));
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(hbCase.getId())
            .taskDefinitionKey(CaseChangeRules.ENDING_TASK).singleResult();
        v.put("tehtava", task == null ? null : task.getName());
      }
      return v;
    });
    logRead(caller, hbCase, List.of("avoimetSitoumuksetTeksti"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("hbAsia", businessKey);
    answer.put("tila", "HB päättyy: kesken olleet vaiheet keskeytettiin ja budjetin käytön seuranta päättyi. Päätä "
        + "avoimet sitoumukset tehtävässä HB:n päättäminen.");
    answer.putAll(shown);
    return ResponseEntity.ok(answer);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return answer(HttpStatus.BAD_REQUEST, "Pyynnön JSON ei kelpaa: lähetä JSON-olio, jossa on lomakkeen kentät.");
  }

  private static ResponseEntity<Map<String, Object>> refuseCaller(Authentication caller, String action) {
    if (caller == null || caller.getUserId() == null) {
      return answer(HttpStatus.UNAUTHORIZED, "Kirjaudu sisään (HTTP basic -tunnistus).");
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().noneMatch(ALLOWED_GROUPS::contains)) {
      LOG.warning(() -> "Case action refused: user " + caller.getUserId() + " is not in " + ALLOWED_GROUPS);
      return answer(HttpStatus.FORBIDDEN, "Sinulla ei ole oikeutta " + action + ": vain asiakkaan sosiaalityöntekijät "
          + "(ryhmät " + Roles.SOCIAL_WORK + " ja " + Roles.LEADING_SOCIAL_WORKERS + ") voivat tehdä sen.");
    }
    return null;
  }

  private ProcessInstance running(String businessKey) {
    return EngineContext.withoutCallerAuthorization(engine.getIdentityService(), () -> engine.getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(CaseChanges.CASE_PROCESS)
        .processInstanceBusinessKey(businessKey).active().singleResult());
  }

  private ResponseEntity<Map<String, Object>> notRunning(String businessKey) {
    boolean ended = EngineContext.withoutCallerAuthorization(engine.getIdentityService(), () -> engine
        .getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CaseChanges.CASE_PROCESS)
        .processInstanceBusinessKey(businessKey).count() > 0);
    return ended
        ? answer(HttpStatus.CONFLICT, "HB-asia " + businessKey + " on jo päättynyt. Mitään ei tallennettu.")
        : answer(HttpStatus.NOT_FOUND, "HB-asiaa " + businessKey + " ei löydy: tarkista asian numero.");
  }

  private boolean waitsFor(ProcessInstance hbCase, String message) {
    return EngineContext.withoutCallerAuthorization(engine.getIdentityService(), () -> engine.getRuntimeService()
        .createEventSubscriptionQuery().processInstanceId(hbCase.getId()).eventType("message").eventName(message)
        .count() > 0);
  }

  /** The form {@code hb-paattyminen} of the case's own deployment. */
  private FormContract endingForm(ProcessInstance hbCase) {
    String definitionId = hbCase.getProcessDefinitionId();
    String deploymentId = EngineContext.withoutCallerAuthorization(engine.getIdentityService(),
        () -> engine.getRepositoryService().getProcessDefinition(definitionId).getDeploymentId());
    return endingForms.computeIfAbsent(deploymentId, id -> EngineContext.withoutCallerAuthorization(
        engine.getIdentityService(), () -> {
          String file = CaseChangeRules.ENDING_FORM + ".form";
          Resource resource = engine.getRepositoryService().getDeploymentResources(id).stream()
              .filter(r -> r.getName().equals(file) || r.getName().endsWith("/" + file)).findFirst()
              .orElseThrow(() -> new IllegalStateException("Deployment " + id + " has no form " + file));
          try (InputStream in = engine.getRepositoryService().getResourceAsStream(id, resource.getName())) {
            return FormContract.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }));
  }

  private void logRead(Authentication caller, ProcessInstance hbCase, List<String> names) {
    IdentityService identity = engine.getIdentityService();
    User user = EngineContext.withoutCallerAuthorization(identity,
        () -> identity.createUserQuery().userId(caller.getUserId()).singleResult());
    String userName = user == null ? null : ReadAccess.nameOf(user.getFirstName(), user.getLastName());
    List<ReadAccess> rows = new CaseReads().addAll(hbCase.getId(), names).toRows(EngineContext.now(),
        caller.getUserId(), userName, ReadKind.CASE_VARIABLES, Purposes.of(caller.getGroupIds(), null),
        Map.of(hbCase.getId(), hbCase.getBusinessKey()));
    readAccessLog.record(rows);
  }

  private static ResponseEntity<Map<String, Object>> changedMeanwhile(String businessKey) {
    return answer(HttpStatus.CONFLICT, "Asia " + businessKey + " muuttui samaan aikaan. Mitään ei tallennettu; "
        + "tarkista asian tila ja yritä uudelleen.");
  }

  private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("virhe", message));
  }
}
