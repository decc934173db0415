package fi.hbflow.caseflow;

import fi.hbflow.accesslog.CaseReads;
import fi.hbflow.accesslog.Purposes;
import fi.hbflow.accesslog.ReadAccess;
import fi.hbflow.accesslog.ReadAccessLog;
import fi.hbflow.accesslog.ReadKind;
import fi.hbflow.engine.EngineContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
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
 * unknown case. The checks and the correlation are {@link CaseActions}' (the Tasklist start form
 * {@code hb-asian-muutos} uses the same); this class answers over HTTP. The case data the answer returns is read after
 * the action's transaction and written to the read-access log before it leaves.
 */
@RestController
@RequestMapping(path = "/hbflow/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
public class CaseActionsController {

  private final ProcessEngine engine;
  private final CaseActions actions;
  private final ReadAccessLog readAccessLog;

  public CaseActionsController(ProcessEngine engine, CaseActions actions, ReadAccessLog readAccessLog) {
    this.engine = engine;
    this.actions = actions;
    this.readAccessLog = readAccessLog;
  }

  @PostMapping(path = "/{businessKey}/review-now", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> reviewNow(@PathVariable String businessKey,
                                                       @RequestBody(required = false) Map<String, Object> body) {
    CaseActions.Caller caller = CaseActions.Caller.current(engine.getIdentityService());
    actions.reviewNow(caller, businessKey, body);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("hbAsia", businessKey);
    answer.put("tila", "Seuranta on avattu nyt: tehtävä Seuranta on omatyöntekijän työlistalla.");
    return ResponseEntity.ok(answer);
  }

  @PostMapping(path = "/{businessKey}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> end(@PathVariable String businessKey,
                                                 @RequestBody(required = false) Map<String, Object> body) {
    IdentityService identity = engine.getIdentityService();
    CaseActions.Caller caller = CaseActions.Caller.current(identity);
    ProcessInstance hbCase = actions.end(caller, businessKey, body);

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

  @ExceptionHandler(CaseActionRefused.class)
  ResponseEntity<Map<String, Object>> refused(CaseActionRefused e) {
    return switch (e.kind()) {
      case NOT_LOGGED_IN -> answer(HttpStatus.UNAUTHORIZED, e.getMessage());
      case NOT_ALLOWED -> answer(HttpStatus.FORBIDDEN, e.getMessage());
      case BAD_VALUE -> answer(HttpStatus.BAD_REQUEST, "Pyyntöä ei hyväksytty: " + e.getMessage());
      case UNKNOWN_CASE -> answer(HttpStatus.NOT_FOUND, e.getMessage());
      case CONFLICT -> answer(HttpStatus.CONFLICT, e.getMessage());
    };
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return answer(HttpStatus.BAD_REQUEST, "Pyynnön JSON ei kelpaa: lähetä JSON-olio, jossa on lomakkeen kentät.");
  }

  private void logRead(CaseActions.Caller caller, ProcessInstance hbCase, List<String> names) {
    IdentityService identity = engine.getIdentityService();
    User user = EngineContext.withoutCallerAuthorization(identity,
        () -> identity.createUserQuery().userId(caller.userId()).singleResult());
    String userName = user == null ? null : ReadAccess.nameOf(user.getFirstName(), user.getLastName());
    List<ReadAccess> rows = new CaseReads().addAll(hbCase.getId(), names).toRows(EngineContext.now(),
        caller.userId(), userName, ReadKind.CASE_VARIABLES, Purposes.of(caller.groupIds(), null),
        Map.of(hbCase.getId(), hbCase.getBusinessKey()));
    readAccessLog.record(rows);
  }

  private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("virhe", message));
  }
}
