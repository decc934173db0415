package fi.hbflow.web;

import fi.hbflow.forms.FormRejected;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What a worker reads when Tasklist (or a REST client) submits a form, instead of the engine REST API's wording:
 * <ul>
 *   <li>Two workers (or two nodes) completing the same task at the same moment: the engine lets one through, and the
 *   other fails in whichever step it was in when the first committed — an optimistic-locking error, "task not found",
 *   a missing authorization (the per-task permission went with the task), "execution has no current activity" —
 *   answered with English as 500 or 403. Whenever a submission failed and the task is now completed, the answer is a
 *   conflict (409) saying in Finnish that the task was already handled — to a user who could have worked it (one of
 *   their groups was its candidate, or it was assigned to them). Nothing is lost or doubled: the loser's transaction
 *   was rolled back.</li>
 *   <li>Anyone else submitting a completed task: 403 in Finnish, telling nothing of the task.</li>
 *   <li>A task id that is neither open nor completed: 404 in Finnish ("Tehtävää ei löydy").</li>
 *   <li>An optimistic-locking failure (or a task gone) while the task is <em>not</em> completed: something else changed
 *   the case at the same moment (a timer, another form). A 409 asking the worker to reload and send again.</li>
 *   <li>A 403 on a task still open stays a 403: the worker really lacks the permission ({@code ForbiddenInFinnishFilter}
 *   words it in Finnish).</li>
 *   <li>A form refused by the server-side check: the engine's REST routes answer it with 400 or (start, resolve) 500
 *   and put "Cannot submit task form &lt;id&gt;: " or the like before our Finnish reason, which Tasklist shows as is;
 *   the answer is 400 with the Finnish reason alone.</li>
 * </ul>
 * Only the form-submitting endpoints of {@code /engine-rest} and of Tasklist's own API are touched. The submitting
 * user is the one of the request's basic authentication ({@code /engine-rest}) or of the webapp session (Tasklist).
 */
public class FormSubmissionAnswerFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormSubmissionAnswerFilter.class);
  private static final Pattern WEBAPP_ENGINE = Pattern.compile("/api/engine/engine/([^/]+)/");

  static final Pattern SUBMITTING = Pattern.compile(".*/(task/([^/]+)/(submit-form|complete|resolve)"
      + "|process-definition/(key/)?[^/]+(/tenant-id/[^/]+)?/(submit-form|start)|message)$");
  static final List<String> CONFLICT_SIGNS = List.of("updated by another transaction concurrently",
      "Cannot find task with id", "OptimisticLockingException");
  static final String ALREADY_DONE = "Tehtävä on jo käsitelty: toinen käyttäjä ehti tallentaa sen juuri ennen sinua. "
      + "Mitään ei kadonnut eikä tallentunut kahdesti. Päivitä tehtävälista.";
  static final String NOT_FOUND = "Tehtävää ei löydy: sitä ei ole, tai se on poistettu. Päivitä tehtävälista.";
  static final String NOT_YOURS = "Sinulla ei ole oikeutta tähän toimintoon: tehtävä ei ole sinun eikä ryhmäsi "
      + "käsiteltävänä.";
  static final String CHANGED_MEANWHILE = "Asiaa muutettiin samaan aikaan toisaalla, joten lomakettasi ei tallennettu. "
      + "Mitään ei kadonnut. Päivitä tehtävälista ja avaa tehtävä uudelleen ennen kuin lähetät sen.";
  /** The answers of a failed submission that a task completed meanwhile explains. */
  static final List<Integer> FAILED = List.of(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
      HttpServletResponse.SC_FORBIDDEN, HttpServletResponse.SC_NOT_FOUND);
  /** The engine REST API's English prefix before the reason of a refused form, inside the JSON "message". */
  static final Pattern ENGINE_PREFIX = Pattern.compile("\"message\":\"(Cannot (submit task form|complete task|resolve "
      + "task) [^\"\\s]+: |Cannot instantiate process definition [^\"\\s]+: )");

  /** What became of a task, for the user who failed to submit it (see {@link CompletedTasks}). */
  @FunctionalInterface
  public interface TaskStates {
    CompletedTasks.State state(String taskId, String userId);
  }

  /** The answer that replaces the engine's. */
  record Answer(int status, String type, String message) {
  }

  private final TaskStates tasks;

  public FormSubmissionAnswerFilter(TaskStates tasks) {
    this.tasks = tasks;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !SUBMITTING.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
    if ((wrapper.getStatus() == 400 || wrapper.getStatus() == 500) && body.contains(FormRejected.PREFIX)) {
      // a refused form is the worker's to correct (400), whichever status the engine's REST route gave it
      replaceBody(wrapper, response, 400, ENGINE_PREFIX.matcher(body).replaceFirst("\"message\":\""));
      return;
    }
    Answer answer = answer(request, wrapper.getStatus(), body);
    if (answer != null) {
      LOG.info("Submission of {} answered {} ({}); the engine answered {}: {}", request.getRequestURI(),
          answer.status(), answer.message(), wrapper.getStatus(), body.length() > 300 ? body.substring(0, 300) : body);
      replaceBody(wrapper, response, answer.status(),
          "{\"type\":\"" + answer.type() + "\",\"message\":\"" + answer.message() + "\"}");
      return;
    }
    if (wrapper.getStatus() == 400 && ENGINE_PREFIX.matcher(body).find()) {
      replaceBody(wrapper, response, 400, ENGINE_PREFIX.matcher(body).replaceFirst("\"message\":\""));
      return;
    }
    wrapper.copyBodyToResponse();
  }

  /** The Finnish answer of a failed submission, or null when the engine's answer stands. */
  private Answer answer(HttpServletRequest request, int status, String body) {
    Matcher submitting = SUBMITTING.matcher(request.getRequestURI());
    String taskId = submitting.matches() ? submitting.group(2) : null;
    if (taskId == null || !FAILED.contains(status)) {
      return null; // a start form (no task another could have completed), or not a failure
    }
    return switch (tasks.state(taskId, caller(request))) {
      case COMPLETED_BY_THEIR_GROUP -> new Answer(HttpServletResponse.SC_CONFLICT, "Conflict", ALREADY_DONE);
      case COMPLETED_ELSEWHERE -> new Answer(HttpServletResponse.SC_FORBIDDEN, "Forbidden", NOT_YOURS);
      case UNKNOWN -> new Answer(HttpServletResponse.SC_NOT_FOUND, "NotFound", NOT_FOUND);
      case OPEN -> status == 500 && CONFLICT_SIGNS.stream().anyMatch(body::contains)
          ? new Answer(HttpServletResponse.SC_CONFLICT, "Conflict", CHANGED_MEANWHILE) : null;
    };
  }

  /**
   * The submitting user: of the basic authentication ({@code /engine-rest}, which has authenticated it before the
   * engine answered), or of the webapp session (Tasklist's {@code /camunda/api/engine/engine/<name>/...}).
   */
  static String caller(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0 ? decoded.substring(0, colon) : null;
      } catch (IllegalArgumentException malformed) {
        return null;
      }
    }
    Matcher webapp = WEBAPP_ENGINE.matcher(request.getRequestURI());
    HttpSession session = request.getSession(false);
    if (!webapp.find() || session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(webapp.group(1));
    return user == null ? null : user.getIdentityId();
  }

  private static void replaceBody(ContentCachingResponseWrapper wrapper, HttpServletResponse response, int status,
                                  String body) throws IOException {
    wrapper.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
