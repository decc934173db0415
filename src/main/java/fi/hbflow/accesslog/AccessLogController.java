package fi.hbflow.accesslog;

import fi.hbflow.decision.DecisionTexts;
import fi.hbflow.engine.CurrentUser;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.identity.Roles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
    Caller caller = caller(businessKey);
    if (caller.refusal != null) {
      return caller.refusal;
    }
    log.record(List.of(new ReadAccess(EngineContext.now(), caller.userId, caller.userName, caller.processInstanceId,
        businessKey, ReadKind.ACCESS_LOG.label(), List.of(),
        clientRequest ? Purposes.CLIENT_REQUEST : Purposes.DATA_PROTECTION, caller.groups, null, null)));
    LOG.info("Access log of {} read by {}", businessKey, caller.userId);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(log.ofCase(businessKey).stream().map(AccessLogController::entry).toList());
  }

  /**
   * {@code GET /hbflow/api/cases/{businessKey}/access-log/extract}: the client's log extract (lokiote, 703/2023 11 §),
   * see {@link LogExtract}. Parameters (all optional): {@code alku}, {@code loppu} (ISO dates; by default the two years
   * before the request, to today), {@code erityinenSyy} (required for a start more than two years before the request;
   * printed), {@code pyyntopaiva} (the day the written request arrived, default today), {@code muoto} ({@code html},
   * the default, or {@code teksti}). Producing it is logged first (purpose {@link Purposes#CLIENT_REQUEST}), so it is
   * the newest use in the extract. 400 / 403 / 404 {@code {"virhe"}} in Finnish.
   */
  @GetMapping(path = "/{businessKey}/access-log/extract",
      produces = {MediaType.TEXT_HTML_VALUE, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
  public ResponseEntity<?> extract(@PathVariable String businessKey, @RequestParam Map<String, String> parameters) {
    Caller caller = caller(businessKey);
    if (caller.refusal != null) {
      return caller.refusal;
    }
    Set<String> unknown = new java.util.TreeSet<>(parameters.keySet());
    unknown.removeAll(EXTRACT_PARAMETERS);
    if (!unknown.isEmpty()) {
      return refuse(HttpStatus.BAD_REQUEST, "Tuntemattomat parametrit: " + String.join(", ", unknown)
          + ". Sallitut: " + String.join(", ", EXTRACT_PARAMETERS) + ".");
    }
    String format = parameters.getOrDefault("muoto", "html").strip();
    if (!format.equals("html") && !format.equals("teksti")) {
      return refuse(HttpStatus.BAD_REQUEST, "Parametrin muoto arvo on html tai teksti.");
    }
    String reason = parameters.get("erityinenSyy");
    if (reason != null && reason.length() > MAX_REASON_LENGTH) {
      return refuse(HttpStatus.BAD_REQUEST, "Erityinen syy on enintään " + MAX_REASON_LENGTH + " merkkiä.");
    }
    LocalDate today = EngineContext.today();
    LocalDate requestDate;
    LocalDate from;
    LocalDate to;
    try {
      requestDate = date(parameters, "pyyntopaiva", today);
      from = date(parameters, "alku", LogExtract.defaultFrom(requestDate));
      to = date(parameters, "loppu", today);
    } catch (IllegalArgumentException e) {
      return refuse(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    if (requestDate.isAfter(today) || to.isAfter(today)) {
      return refuse(HttpStatus.BAD_REQUEST, "Pyyntöpäivä ja ajanjakson loppu eivät voi olla tulevaisuudessa.");
    }
    DecisionTexts texts = LogExtract.standardTexts();
    Instant now = EngineContext.now();
    String clientName = caller.processInstanceId == null ? null : clientName(caller.processInstanceId);
    LogExtract.Request request;
    try {
      request = new LogExtract.Request(businessKey, clientName, requestDate, from, to, reason, now,
          LogExtract.who(texts, caller.userId, caller.userName, caller.groups));
      LogExtract.check(request);
    } catch (IllegalArgumentException e) {
      return refuse(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    // logged before the extract leaves: it reads the client's name and the log
    log.record(List.of(new ReadAccess(now, caller.userId, caller.userName, caller.processInstanceId, businessKey,
        ReadKind.LOG_EXTRACT.label(), clientName == null ? List.of() : List.of(CLIENT_NAME), Purposes.CLIENT_REQUEST,
        caller.groups, null, null)));
    LogExtract extract = new LogExtract(request, log.ofCase(businessKey), texts);
    LOG.info("Log extract of {} ({} – {}) produced by {}", businessKey, from, to, caller.userId);
    boolean html = format.equals("html");
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .contentType(new MediaType(html ? MediaType.TEXT_HTML : MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"lokiote-" + businessKey.replaceAll("[^A-Za-z0-9-]", "")
            + (html ? ".html" : ".txt") + "\"")
        .body(html ? extract.html() : extract.text());
  }

  static final List<String> EXTRACT_PARAMETERS = List.of("alku", "loppu", "erityinenSyy", "pyyntopaiva", "muoto");
  static final int MAX_REASON_LENGTH = 1000;
  static final String CLIENT_NAME = "asiakasNimi";

  private static LocalDate date(Map<String, String> parameters, String name, LocalDate otherwise) {
    String value = parameters.get(name);
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Parametri " + name + " on päivämäärä muodossa VVVV-KK-PP (esim. 2026-03-02).");
    }
  }

  /** The client's name as the case has it now (a read of the case, logged as the extract's row). */
  private String clientName(String processInstanceId) {
    IdentityService identity = engine.getIdentityService();
    HistoricVariableInstance name = EngineContext.withoutCallerAuthorization(identity, () -> engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(CLIENT_NAME)
        .disableCustomObjectDeserialization().list().stream().findFirst().orElse(null));
    return name == null || name.getValue() == null ? null : name.getValue().toString();
  }

  /** Who calls, and the case: or the refusal (401, 403, 404) to answer instead. */
  private record Caller(String userId, String userName, List<String> groups, String processInstanceId,
                        ResponseEntity<?> refusal) {
    static Caller refused(ResponseEntity<?> refusal) {
      return new Caller(null, null, List.of(), null, refusal);
    }
  }

  private Caller caller(String businessKey) {
    IdentityService identity = engine.getIdentityService();
    CurrentUser caller = CurrentUser.of(identity).orElse(null);
    if (caller == null) {
      return Caller.refused(refuse(HttpStatus.UNAUTHORIZED, "Kirjaudu sisään (HTTP basic -tunnistus)."));
    }
    List<String> groups = caller.groups();
    if (groups.stream().noneMatch(ALLOWED_GROUPS::contains)) {
      LOG.warn("Access log of {} refused: user {} is not in {}", businessKey, caller.id(), ALLOWED_GROUPS);
      return Caller.refused(refuse(HttpStatus.FORBIDDEN, "Lukulokia saavat katsoa vain tietosuojavastaava (ryhmä "
          + Roles.DATA_PROTECTION + ") ja pääkäyttäjä."));
    }
    // the officer has no rights in the engine: the group check above is what allows the look-ups
    HistoricProcessInstance hbCase = EngineContext.withoutCallerAuthorization(identity, () -> engine
        .getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .stream().filter(p -> p.getSuperProcessInstanceId() == null)
        .min(Comparator.comparing(HistoricProcessInstance::getStartTime)).orElse(null));
    if (hbCase == null && log.ofCase(businessKey).isEmpty()) {
      return Caller.refused(refuse(HttpStatus.NOT_FOUND, "Asiaa " + businessKey + " ei löydy."));
    }
    User user = EngineContext.withoutCallerAuthorization(identity,
        () -> identity.createUserQuery().userId(caller.id()).singleResult());
    return new Caller(caller.id(), user == null ? null : ReadAccess.nameOf(user.getFirstName(),
        user.getLastName()), List.copyOf(groups), hbCase == null ? null : hbCase.getId(), null);
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
    entry.put("ryhmat", read.userGroups());
    if (read.disclosure()) {
      entry.put("vastaanottaja", read.recipient());
      entry.put("peruste", read.legalBasis());
    }
    return entry;
  }

  private static ResponseEntity<Map<String, String>> refuse(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("virhe", message));
  }
}
