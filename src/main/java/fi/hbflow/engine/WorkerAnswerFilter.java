package fi.hbflow.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What a worker reads when Tasklist (or a REST client) submits a form, instead of the engine REST API's wording:
 * <ul>
 *   <li>Two workers (or two nodes) completing the same task at the same moment: the engine lets one through and fails
 *   the other with an optimistic-locking error, or with "task not found" when the first was already committed, or —
 *   when the first committed between the other's reading the task and checking its permission, which went with the
 *   task — with a missing authorization (403). The engine answers 500 or 403 with English; this is a conflict (409)
 *   with a Finnish message. Nothing is lost or doubled: the loser's transaction was rolled back. A 403 becomes 409
 *   only when the task is in fact completed; otherwise the worker really lacks the permission.</li>
 *   <li>A form refused by the server-side check (400): the engine puts "Cannot submit task form &lt;id&gt;: " before
 *   our Finnish reason, and Tasklist shows it as is; the prefix is removed.</li>
 * </ul>
 * Only the form-submitting endpoints of {@code /engine-rest} and of Tasklist's own API are touched.
 */
public class WorkerAnswerFilter extends OncePerRequestFilter {

  static final Pattern SUBMITTING = Pattern.compile(".*/(task/([^/]+)/(submit-form|complete|resolve)"
      + "|process-definition/(key/)?[^/]+(/tenant-id/[^/]+)?/submit-form)$");
  static final List<String> CONFLICT_SIGNS = List.of("updated by another transaction concurrently",
      "Cannot find task with id", "OptimisticLockingException");
  static final String MESSAGE = "Tehtävä on jo käsitelty: toinen käyttäjä ehti tallentaa sen juuri ennen sinua. "
      + "Mitään ei kadonnut eikä tallentunut kahdesti. Päivitä tehtävälista.";
  /** The engine REST API's English prefix before the reason of a refused form, inside the JSON "message". */
  static final Pattern ENGINE_PREFIX = Pattern.compile(
      "\"message\":\"(Cannot submit task form [^\"\\s]+: |Cannot instantiate process definition [^\"\\s]+: )");

  private final Predicate<String> completedTask;

  /** @param completedTask whether the task of this id has been completed (see {@link CompletedTasks}) */
  public WorkerAnswerFilter(Predicate<String> completedTask) {
    this.completedTask = completedTask;
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
    if (isConflict(request.getRequestURI(), wrapper.getStatus(), body)) {
      replaceBody(wrapper, response, HttpServletResponse.SC_CONFLICT,
          "{\"type\":\"Conflict\",\"message\":\"" + MESSAGE + "\"}");
      return;
    }
    if (wrapper.getStatus() == 400 && ENGINE_PREFIX.matcher(body).find()) {
      replaceBody(wrapper, response, 400, ENGINE_PREFIX.matcher(body).replaceFirst("\"message\":\""));
      return;
    }
    wrapper.copyBodyToResponse();
  }

  private boolean isConflict(String uri, int status, String body) {
    Matcher submitting = SUBMITTING.matcher(uri);
    String taskId = submitting.matches() ? submitting.group(2) : null;
    if (taskId == null) {
      return false; // a start form: no task to have been completed by another
    }
    return status == 500 && CONFLICT_SIGNS.stream().anyMatch(body::contains)
        || status == HttpServletResponse.SC_FORBIDDEN && completedTask.test(taskId);
  }

  private static void replaceBody(ContentCachingResponseWrapper wrapper, HttpServletResponse response, int status,
                                  String body) throws IOException {
    wrapper.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
