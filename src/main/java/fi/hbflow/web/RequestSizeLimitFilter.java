package fi.hbflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Refuses oversize requests to the REST APIs ({@code /engine-rest}, Tasklist's {@code /camunda/api}, HB Flow's
 * {@code /hbflow/api}) before they reach the engine, so that nothing of them is stored and no job or incident follows:
 * <ul>
 *   <li>a body over {@code maxBytes} (256 KB) is answered 413 — a deployment from Camunda Modeler
 *   ({@code .../deployment/create}) may be up to {@code maxDeploymentBytes};</li>
 *   <li>a JSON body whose variables ({@code variables}, {@code modifications}, {@code processVariables}, ...) have more
 *   than {@code maxFields} entries is answered 400: no HB form has more than a few dozen fields, and every submitted
 *   variable would be stored with the case.</li>
 * </ul>
 * The answer has the shape of the API's own errors ({@code {"type","message"}}; {@code {"virhe"}} on /hbflow/api)
 * with a Finnish message. Text typed into one field is limited further by the form checks (FormValues.MAX_TEXT).
 */
public class RequestSizeLimitFilter extends HttpFilter {

  static final List<String> VARIABLE_MAPS = List.of("variables", "modifications", "processVariables",
      "processVariablesLocal", "localVariables", "correlationKeys", "localCorrelationKeys");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final long maxBytes;
  private final long maxDeploymentBytes;
  private final int maxFields;

  public RequestSizeLimitFilter(long maxBytes, long maxDeploymentBytes, int maxFields) {
    this.maxBytes = maxBytes;
    this.maxDeploymentBytes = maxDeploymentBytes;
    this.maxFields = maxFields;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long declared = request.getContentLengthLong();
    boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
    if (declared <= 0 && !chunked) {
      chain.doFilter(request, response);
      return;
    }
    long limit = request.getRequestURI().endsWith("/deployment/create") ? maxDeploymentBytes : maxBytes;
    if (declared > limit) {
      refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge(declared, limit));
      return;
    }
    boolean json = request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT).contains("json");
    if (!json && !chunked) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge(-1, limit));
      return;
    }
    if (json) {
      int fields = variableCount(body);
      if (fields > maxFields) {
        refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "Lomakkeessa on liikaa kenttiä: enintään "
            + maxFields + ", tässä " + fields + ". Mitään ei tallennettu.");
        return;
      }
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  /** How many variables the JSON body carries; 0 when it is no JSON object (the API itself then answers 400). */
  static int variableCount(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJson) {
      return 0;
    }
    int count = 0;
    if (root != null && root.isObject()) {
      for (String map : VARIABLE_MAPS) {
        JsonNode node = root.get(map);
        if (node != null && node.isObject()) {
          count += node.size();
        }
      }
    }
    return count;
  }

  static String tooLarge(long declared, long limit) {
    return "Pyyntö on liian suuri: enintään " + kilobytes(limit) + " kt"
        + (declared > 0 ? ", tämä " + kilobytes(declared) + " kt" : "")
        + ". Mitään ei tallennettu. Lomakkeen tekstikenttiin mahtuu enintään 4000 merkkiä.";
  }

  private static long kilobytes(long bytes) {
    return (bytes + 1023) / 1024;
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    if (request.getRequestURI().startsWith(request.getContextPath() + "/hbflow/api")) {
      body.put("virhe", message);
    } else {
      body.put("type", status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
          ? "RequestTooLargeException" : "InvalidRequestException");
      body.put("message", message);
    }
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  /** The request with its body read once into memory (at most the limit), readable again downstream. */
  static class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() != null ? getCharacterEncoding() : StandardCharsets.UTF_8.name();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
