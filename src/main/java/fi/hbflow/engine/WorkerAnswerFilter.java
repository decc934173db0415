package fi.hbflow.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two workers (or two nodes) completing the same task at the same moment: the engine lets one through and fails the
 * other with an optimistic-locking error, or with "task not found" when the first was already committed. The engine
 * REST API answers that with HTTP 500 and the engine's English text; this filter turns it into what it is, a conflict
 * (409) with a Finnish message, for the task-completing endpoints of {@code /engine-rest} and of Tasklist's own API.
 * Nothing is lost or doubled either way: the loser's transaction was rolled back.
 */
public class ConflictAnswerFilter extends OncePerRequestFilter {

  static final Pattern COMPLETING = Pattern.compile(".*/task/[^/]+/(submit-form|complete|resolve)$");
  static final List<String> CONFLICT_SIGNS = List.of("updated by another transaction concurrently",
      "Cannot find task with id", "OptimisticLockingException");
  static final String MESSAGE = "Tehtävä on jo käsitelty: toinen käyttäjä ehti tallentaa sen juuri ennen sinua. "
      + "Mitään ei kadonnut eikä tallentunut kahdesti. Päivitä tehtävälista.";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !COMPLETING.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
    if (wrapper.getStatus() == 500 && CONFLICT_SIGNS.stream().anyMatch(body::contains)) {
      wrapper.resetBuffer();
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(("{\"type\":\"Conflict\",\"message\":\"" + MESSAGE + "\"}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    wrapper.copyBodyToResponse();
  }
}
