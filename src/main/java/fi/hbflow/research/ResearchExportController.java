package fi.hbflow.research;

import fi.hbflow.accesslog.JdbcReadAccessLog;
import fi.hbflow.accesslog.Purposes;
import fi.hbflow.accesslog.ReadAccess;
import fi.hbflow.accesslog.ReadAccessLog;
import fi.hbflow.accesslog.ReadKind;
import fi.hbflow.engine.CurrentUser;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.identity.Roles;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /hbflow/api/research/export.csv}: the pseudonymised research data set for THL (see {@link ResearchCsv}
 * for the columns). HTTP basic auth (the filter of {@code /hbflow/api/*} answers 401 without it); only the groups
 * {@value Roles#PROCESS_OWNERS} and {@value Roles#DEVELOPERS} may run it (403 otherwise). The cases are read without
 * the caller's engine authorizations, since a development worker may not read cases at all: the group check above is
 * what allows it. Every export is logged in {@code hb_export_log} and in the application log, and each case in it as
 * a disclosure in the read-access log ({@code hb_lukuloki}: who, which case, which variables, for research), so that
 * the client's log extract shows it (Asiakastietolaki 703/2023 11 §).
 *
 * <ul>
 *   <li>200 {@code text/csv}: the file (UTF-8 with BOM, {@code ;});</li>
 *   <li>401 / 403 {@code {"virhe"}}: not logged in / not allowed;</li>
 *   <li>503 {@code {"virhe"}}: no pseudonym key configured ({@code hbflow.research.pseudonym-key}), or the public
 *   development key {@link Pseudonyms#DEV_KEY} outside the demo profile: nothing exported.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/hbflow/api/research")
public class ResearchExportController {

  public static final Set<String> ALLOWED_GROUPS = Set.of(Roles.PROCESS_OWNERS, Roles.DEVELOPERS);
  private static final Logger LOG = LoggerFactory.getLogger(ResearchExportController.class);
  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final ProcessEngine engine;
  private final ExportLog exportLog;
  private final ReadAccessLog readAccessLog;
  private final String pseudonymKey;
  private final boolean demo;

  public ResearchExportController(ProcessEngine engine, DataSource dataSource,
                                  @Value("${hbflow.research.pseudonym-key:}") String pseudonymKey,
                                  @Value("${hbflow.demo-users.enabled:false}") boolean demo) {
    this.engine = engine;
    this.exportLog = new ExportLog(new JdbcTemplate(dataSource));
    this.readAccessLog = new JdbcReadAccessLog(dataSource);
    this.pseudonymKey = pseudonymKey == null ? "" : pseudonymKey.trim();
    this.demo = demo;
  }

  @GetMapping(path = "/export.csv")
  public ResponseEntity<?> export() {
    IdentityService identity = engine.getIdentityService();
    CurrentUser caller = CurrentUser.of(identity).orElse(null);
    if (caller == null) {
      return refuse(HttpStatus.UNAUTHORIZED, "Kirjaudu sisään (HTTP basic -tunnistus).");
    }
    String user = caller.id();
    List<String> groups = caller.groups();
    if (groups.stream().noneMatch(ALLOWED_GROUPS::contains)) {
      LOG.warn("Research export refused: user " + user + " is not in " + ALLOWED_GROUPS);
      return refuse(HttpStatus.FORBIDDEN, "Tutkimusaineiston vienti on sallittu vain prosessinomistajille ja "
          + "kehittäjille (ryhmät " + Roles.PROCESS_OWNERS + " ja " + Roles.DEVELOPERS + ").");
    }
    if (!Pseudonyms.usable(pseudonymKey)) {
      LOG.error("Research export refused: property hbflow.research.pseudonym-key is not set (or shorter than "
          + Pseudonyms.MIN_KEY_LENGTH + " characters)");
      return refuse(HttpStatus.SERVICE_UNAVAILABLE, "Tutkimusaineistoa ei voi nyt viedä: pseudonymisoinnin avainta "
          + "(asetus hbflow.research.pseudonym-key) ei ole asetettu tai se on alle " + Pseudonyms.MIN_KEY_LENGTH
          + " merkkiä. Ilman avainta aineistoa ei voi pseudonymisoida. Pyydä ylläpitoa asettamaan avain.");
    }
    if (Pseudonyms.DEV_KEY.equals(pseudonymKey) && !demo) {
      LOG.error("Research export refused: the development pseudonym key is configured outside the demo profile");
      return refuse(HttpStatus.SERVICE_UNAVAILABLE, "Tutkimusaineistoa ei voi nyt viedä: asetettu pseudonymisoinnin "
          + "avain on lähdekoodissa julkaistu kehitysavain, jolla pseudonyymit voisi laskea kuka tahansa. Pyydä "
          + "ylläpitoa asettamaan oma salainen avain (hbflow.research.pseudonym-key).");
    }
    Pseudonyms pseudonyms = new Pseudonyms(pseudonymKey);
    List<CaseData> cases = EngineContext.withoutCallerAuthorization(identity,
        () -> new ResearchExport(engine.getHistoryService()).cases());
    List<List<String>> rows = new ArrayList<>();
    cases.forEach(c -> rows.add(ResearchCsv.row(c, pseudonyms, EngineContext.today())));
    byte[] csv = ResearchCsv.write(rows);

    // logged before the data leaves: no export without its log row
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    exportLog.record(now, user, rows.size());
    readAccessLog.record(disclosures(cases, user, groups, EngineContext.withoutCallerAuthorization(identity,
        () -> identity.createUserQuery().userId(user).singleResult()), now.toInstant()));
    LOG.info("Research export by " + user + ": " + rows.size() + " cases at " + now);

    return ResponseEntity.ok().contentType(CSV).cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hb-tutkimusaineisto-"
            + EngineContext.today() + ".csv\"")
        .body(csv);
  }

  /**
   * One disclosure row per exported case: the variables it was computed from (exported only as codes and figures),
   * the discloser (the user and their groups), the recipient and the provision (703/2023 10 § 3 mom).
   */
  static List<ReadAccess> disclosures(List<CaseData> cases, String userId, List<String> groups, User user, Instant at) {
    String userName = user == null ? null : ReadAccess.nameOf(user.getFirstName(), user.getLastName());
    List<ReadAccess> rows = new ArrayList<>(cases.size());
    for (CaseData c : cases) {
      Set<String> names = new TreeSet<>(c.values().keySet());
      names.addAll(c.firstValues().keySet());
      rows.add(new ReadAccess(at, userId, userName, c.processInstanceId(),
          c.businessKey().startsWith("id:") ? null : c.businessKey(), ReadKind.RESEARCH_EXPORT.label(),
          List.copyOf(names), Purposes.RESEARCH, groups, Purposes.RESEARCH_RECIPIENT, Purposes.RESEARCH_BASIS));
    }
    return rows;
  }

  private static ResponseEntity<Map<String, String>> refuse(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("virhe", message));
  }
}
