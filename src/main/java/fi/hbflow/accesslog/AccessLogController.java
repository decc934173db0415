package fi.hbflow.accesslog;

import fi.hbflow.engine.EngineContext;
import fi.hbflow.identity.Roles;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /hbflow/api/cases/{businessKey}/access-log}: who has read or received the case's data, for the
 * data-protection officer and the client's right of access (Asiakastietolaki 703/2023 11 §). HTTP basic auth (the
 * filter of {@code /hbflow/api/*} answers 401 without it); only the groups {@value Roles#DATA_PROTECTION} and
 * {@code camunda-admin} may read it. The reading is itself logged first (purpose "tietosuojavalvonta", or the client's
 * right of access with {@code ?asiakkaanPyynto=true}), so it is the newest row of the answer.
 *
 * <ul>
 *   <li>200: {@code [{"aika", "kayttaja", "kayttajanNimi", "asia", "prosessi", "mita", "tarkoitus"}, ...]}, newest
 *   first ({@code aika} in Finnish time with its offset);</li>
 *   <li>403 / 404 {@code {"virhe"}}: not allowed / no such case (nothing logged).</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/hbflow/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
public class AccessLogController {

  public static final Set<String> ALLOWED_GROUPS = Set.of(Roles.DATA_PROTECTION, Groups.CAMUNDA_ADMIN);
  private static final Logger LOG = LoggerFactory.getLogger(AccessLogController.class);

  private final ProcessEngine engine;
  private final ReadAccessLog log;

  public AccessLogController(ProcessEngine engine, ReadAccessLog log) {
    this.engine = engine;
    this.log = log;
  }

  @GetMapping(path = "/{businessKey}/access-log")
  public ResponseEntity<?> accessLog(@PathVariable String businessKey,
                                     @RequestParam(name = "asiakkaanPyynto", defaultValue = "false")
                                     boolean clientRequest) {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return refuse(HttpStatus.UNAUTHORIZED, "Kirjaudu sisään (HTTP basic -tunnistus).");
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().noneMatch(ALLOWED_GROUPS::contains)) {
      LOG.warn("Access log of {} refused: user {} is not in {}", businessKey, caller.getUserId(), ALLOWED_GROUPS);
      return refuse(HttpStatus.FORBIDDEN, "Lukulokia saavat katsoa vain tietosuojavastaava (ryhmä "
          + Roles.DATA_PROTECTION + ") ja pääkäyttäjä.");
    }
    // the officer has no rights in the engine: the group check above is what allows the look-ups
    HistoricProcessInstance hbCase = EngineContext.withoutCallerAuthorization(identity, () -> engine
        .getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .stream().filter(p -> p.getSuperProcessInstanceId() == null)
        .min(Comparator.comparing(HistoricProcessInstance::getStartTime)).orElse(null));
    List<ReadAccess> before = hbCase == null ? log.ofCase(businessKey) : List.of();
    if (hbCase == null && before.isEmpty()) {
      return refuse(HttpStatus.NOT_FOUND, "Asiaa " + businessKey + " ei löydy.");
    }
    User user = EngineContext.withoutCallerAuthorization(identity,
        () -> identity.createUserQuery().userId(caller.getUserId()).singleResult());
    Instant now = EngineContext.now();
    log.record(List.of(new ReadAccess(now, caller.getUserId(), user == null ? null : ReadAccess.nameOf(user.getFirstName(), user.getLastName()),
        hbCase == null ? null : hbCase.getId(), businessKey, ReadKind.ACCESS_LOG.label(), List.of(),
        clientRequest ? Purposes.CLIENT_REQUEST : Purposes.DATA_PROTECTION)));
    LOG.info("Access log of {} read by {}", businessKey, caller.getUserId());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(log.ofCase(businessKey).stream().map(AccessLogController::entry).toList());
  }

  static Map<String, Object> entry(ReadAccess read) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("aika", read.at().atZone(EngineContext.FINLAND).toOffsetDateTime().toString());
    entry.put("kayttaja", read.userId());
    entry.put("kayttajanNimi", read.userName());
    entry.put("asia", read.businessKey());
    entry.put("prosessi", read.processInstanceId());
    entry.put("mita", read.what());
    entry.put("tarkoitus", read.purpose());
    return entry;
  }

  private static ResponseEntity<Map<String, String>> refuse(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("virhe", message));
  }
}
