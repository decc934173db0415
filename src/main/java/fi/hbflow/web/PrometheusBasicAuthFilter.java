package fi.hbflow.web;

import fi.hbflow.dashboard.HbDashboard;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic authentication with an engine user's password on {@code /actuator/prometheus}, allowed only to the
 * groups that see the HB dashboard ({@link HbDashboard#ALLOWED_GROUPS}): 401 without (or with wrong) credentials,
 * 403 for another group. A Prometheus server scrapes as a user of its own in one of those groups.
 */
public class PrometheusBasicAuthFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(PrometheusBasicAuthFilter.class);

  private final IdentityService identity;

  public PrometheusBasicAuthFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"HB Flow\", charset=\"UTF-8\"");
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Kirjaudu sisään (HTTP basic -tunnistus).");
      return;
    }
    List<String> groups = identity.createGroupQuery().groupMember(credentials[0]).list().stream().map(Group::getId)
        .toList();
    if (!HbDashboard.allowed(groups)) {
      LOG.warn("Prometheus metrics refused: user " + credentials[0] + " is not in " + HbDashboard.ALLOWED_GROUPS);
      refuse(response, HttpServletResponse.SC_FORBIDDEN,
          "Mittarit ovat vain johdolle ja prosessinomistajille (ryhmät johto ja prosessinomistajat).");
      return;
    }
    chain.doFilter(request, response);
  }

  /** user and password of a basic {@code Authorization} header, or null. */
  static String[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(("{\"virhe\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
