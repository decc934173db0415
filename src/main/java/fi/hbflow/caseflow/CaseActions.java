package fi.hbflow.caseflow;

import fi.hbflow.engine.CaseMessages;
import fi.hbflow.engine.CurrentUser;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.forms.FormContract;
import fi.hbflow.identity.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker actions on an HB case between its review dates (issue 21 item 7) — the review done now (message
 * {@value CaseChanges#REVIEW_NOW}) and HB ended at once (message {@value CaseChanges#END_NOW}) — with every check, for
 * both doors: the REST routes of {@link CaseActionsController} and the Tasklist start form of {@code hb-asian-muutos}
 * ({@link CaseActionDelegate}). Who: the groups that start {@code hb-asian-muutos} in Tasklist, and
 * {@code camunda-admin}. The checks and the correlation run in one transaction without the caller's engine
 * authorizations (workers hold no rights on cases); inside the start of {@code hb-asian-muutos} they join its
 * transaction, so a refusal rolls the start back. A refusal is a {@link CaseActionRefused} with a Finnish message.
 */
public class CaseActions {

  /** Who may act on a case: the starters of {@code hb-asian-muutos} and the administrators. */
  public static final Set<String> ALLOWED_GROUPS = allowedGroups();
  private static final Logger LOG = LoggerFactory.getLogger(CaseActions.class);

  private final ProcessEngine engine;
  /** The ending form of each deployment (a deployed form never changes). */
  private final Map<String, FormContract> endingForms = new ConcurrentHashMap<>();

  /** The user who acts and their groups, as the engine authenticated them (the web request's or the command's). */
  public record Caller(String userId, List<String> groupIds) {

    public Caller {
      groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    /** The current authentication of this thread: the logged-in worker of the request or of the starting command. */
    public static Caller current(IdentityService identity) {
      return new Caller(CurrentUser.idOrNull(identity), CurrentUser.groupsOrEmpty(identity));
    }
  }

  public CaseActions(ProcessEngine engine) {
    this.engine = engine;
  }

  private static Set<String> allowedGroups() {
    Set<String> groups = new HashSet<>(Roles.startersOf(Roles.CASE_CHANGE_PROCESS));
    groups.add(Groups.CAMUNDA_ADMIN);
    return Set.copyOf(groups);
  }

  /**
   * The review is done now: stores the reason ({@code seurantaNytSyy}), who asked and when, and opens the review.
   *
   * @param body only {@code seurantaNytSyy}
   * @return the case
   */
  public ProcessInstance reviewNow(Caller caller, String businessKey, Map<String, Object> body) {
    refuseCaller(caller, "pyytää seurantaa");
    List<String> problems = CaseChangeRules.reviewNow(body);
    if (!problems.isEmpty()) {
      throw new CaseActionRefused(CaseActionRefused.Kind.BAD_VALUE, String.join(" ", problems));
    }
    ProcessInstance hbCase = inOneTransaction(businessKey, () -> {
      ProcessInstance running = running(businessKey);
      if (!waitsFor(running, CaseChanges.REVIEW_NOW)) {
        throw new CaseActionRefused(CaseActionRefused.Kind.CONFLICT, "Asia " + businessKey + " ei odota seurantaa (se "
            + "on toteutuksessa, seurannassa, muutoksenhaussa tai uudessa arvioinnissa), joten seurantaa ei voi aloittaa "
            + "nyt. Mitään ei tallennettu.");
      }
      Map<String, Object> values = new LinkedHashMap<>();
      values.put(CaseChangeRules.REVIEW_NOW_REASON, body.get(CaseChangeRules.REVIEW_NOW_REASON).toString().strip());
      values.put("seurantaNytPyytaja", caller.userId());
      values.put("seurantaNytPaiva", EngineContext.today().toString());
      CaseMessages.correlate(engine, running.getId(), CaseChanges.REVIEW_NOW, values);
      return running;
    });
    LOG.info("Review now of {} by {}", businessKey, caller.userId());
    return hbCase;
  }

  /**
   * HB ends at once: stores the reason, day and notes (checked against the form {@value CaseChangeRules#ENDING_FORM}
   * of the case's deployment) and who recorded it; the case lists its open commitments into the ending task.
   *
   * @param body {@code paattymisenSyy}, {@code paattymisPaiva}, {@code paattymisenLisatiedot}
   * @return the case
   */
  public ProcessInstance end(Caller caller, String businessKey, Map<String, Object> body) {
    refuseCaller(caller, "päättää HB:tä");
    ProcessInstance hbCase = inOneTransaction(businessKey, () -> {
      ProcessInstance running = running(businessKey);
      List<String> problems = CaseChangeRules.ending(body, endingForm(running), EngineContext.today());
      if (!problems.isEmpty()) {
        throw new CaseActionRefused(CaseActionRefused.Kind.BAD_VALUE, String.join(" ", problems));
      }
      if (!waitsFor(running, CaseChanges.END_NOW)
          || engine.getRuntimeService().getVariable(running.getId(), "paattyiKeskenKirjattu") != null) {
        throw new CaseActionRefused(CaseActionRefused.Kind.CONFLICT, "HB-asian " + businessKey + " päättäminen on jo "
            + "aloitettu: päätä avoimet sitoumukset tehtävässä HB:n päättäminen. Mitään ei tallennettu.");
      }
      Map<String, Object> values = new LinkedHashMap<>();
      body.forEach((k, v) -> values.put(k, v instanceof String s ? s.strip() : v));
      values.put("paattymisenKirjaaja", caller.userId());
      CaseMessages.correlate(engine, running.getId(), CaseChanges.END_NOW, values);
      return running;
    });
    LOG.info("HB {} ended at once by {}", businessKey, caller.userId());
    return hbCase;
  }

  /** Refuses a caller who is not logged in or not in {@link #ALLOWED_GROUPS}. */
  static void refuseCaller(Caller caller, String action) {
    if (caller == null || caller.userId() == null) {
      throw new CaseActionRefused(CaseActionRefused.Kind.NOT_LOGGED_IN, "Kirjaudu sisään (HTTP basic -tunnistus).");
    }
    if (caller.groupIds().stream().noneMatch(ALLOWED_GROUPS::contains)) {
      LOG.warn("Case action refused: user {} is not in {}", caller.userId(), ALLOWED_GROUPS);
      throw new CaseActionRefused(CaseActionRefused.Kind.NOT_ALLOWED, "Sinulla ei ole oikeutta " + action + ": vain "
          + "asiakkaan sosiaalityöntekijät (ryhmät " + Roles.SOCIAL_WORK + " ja " + Roles.LEADING_SOCIAL_WORKERS
          + ") voivat tehdä sen.");
    }
  }

  /** The work in one transaction; a case changed meanwhile is a refusal, as is a case that does not run. */
  private ProcessInstance inOneTransaction(String businessKey, java.util.function.Supplier<ProcessInstance> work) {
    try {
      return EngineContext.asServer(engine, work);
    } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
      throw new CaseActionRefused(CaseActionRefused.Kind.CONFLICT, "Asia " + businessKey + " muuttui samaan aikaan. "
          + "Mitään ei tallennettu; tarkista asian tila ja yritä uudelleen.");
    }
  }

  /** The running case, or a refusal: it has ended (conflict) or there is none (unknown). */
  private ProcessInstance running(String businessKey) {
    ProcessInstance hbCase = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CaseChanges.CASE_PROCESS).processInstanceBusinessKey(businessKey).active()
        .singleResult();
    if (hbCase != null) {
      return hbCase;
    }
    boolean ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseChanges.CASE_PROCESS).processInstanceBusinessKey(businessKey).count() > 0;
    throw ended
        ? new CaseActionRefused(CaseActionRefused.Kind.CONFLICT, "HB-asia " + businessKey + " on jo päättynyt. "
            + "Mitään ei tallennettu.")
        : new CaseActionRefused(CaseActionRefused.Kind.UNKNOWN_CASE, "HB-asiaa " + businessKey + " ei löydy: "
            + "tarkista asian numero.");
  }

  private boolean waitsFor(ProcessInstance hbCase, String message) {
    return engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(hbCase.getId())
        .eventType("message").eventName(message).count() > 0;
  }

  /** The form {@code hb-paattyminen} of the case's own deployment. */
  private FormContract endingForm(ProcessInstance hbCase) {
    String deploymentId = engine.getRepositoryService().getProcessDefinition(hbCase.getProcessDefinitionId())
        .getDeploymentId();
    return endingForms.computeIfAbsent(deploymentId, id -> {
      String file = CaseChangeRules.ENDING_FORM + ".form";
      Resource resource = engine.getRepositoryService().getDeploymentResources(id).stream()
          .filter(r -> r.getName().equals(file) || r.getName().endsWith("/" + file)).findFirst()
          .orElseThrow(() -> new IllegalStateException("Deployment " + id + " has no form " + file));
      try (InputStream in = engine.getRepositoryService().getResourceAsStream(id, resource.getName())) {
        return FormContract.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
