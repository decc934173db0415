package fi.hbflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * An HTTP client of the running application for the scale benchmark: {@code /engine-rest} with HTTP basic auth as one
 * user, or the Cockpit webapp API with a session as the browser has it (login form, session cookie, XSRF token).
 */
final class ScaleHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  final String base;
  final String user;
  private final String basic;
  private final HttpClient http;
  private final CookieManager cookies;
  private String xsrf;

  ScaleHttp(int port, String user, String password) {
    this.base = "http://localhost:" + port;
    this.user = user;
    this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  record Response(int status, String text) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + text, e);
      }
    }

    Response ok() {
      if (status / 100 != 2) {
        throw new IllegalStateException("HTTP " + status + ": " + (text.length() > 500 ? text.substring(0, 500) : text));
      }
      return this;
    }
  }

  /** GET on /engine-rest with basic auth; Accept as Tasklist's SDK sends it (HAL first). */
  Response restGet(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + "/engine-rest" + path)).header("Authorization", basic)
        .header("Accept", "application/hal+json, application/json; q=0.5").GET());
  }

  Response restPost(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + "/engine-rest" + path)).header("Authorization", basic)
        .header("Accept", "application/hal+json, application/json; q=0.5").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** Logs in to the webapp as Cockpit's login page does; the session cookie is kept for {@link #webGet}. */
  void loginToCockpit(String password) throws IOException, InterruptedException {
    // the first page gives the XSRF-TOKEN cookie that every modifying request must echo in a header
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/")).GET());
    xsrf = xsrfCookie();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest.Builder login = HttpRequest.newBuilder(URI.create(base
        + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (xsrf != null) {
      login.header("X-XSRF-TOKEN", xsrf);
    }
    send(login).ok();
    String renewed = xsrfCookie();
    if (renewed != null) {
      xsrf = renewed;
    }
  }

  private String xsrfCookie() {
    for (HttpCookie c : cookies.getCookieStore().getCookies()) {
      if (c.getName().equals("XSRF-TOKEN")) {
        return c.getValue();
      }
    }
    return null;
  }

  /** GET on the webapp API (/camunda/api/...) with the session of {@link #loginToCockpit}. */
  Response webGet(String path) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET();
    if (xsrf != null) {
      b.header("X-XSRF-TOKEN", xsrf);
    }
    return send(b);
  }

  private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(120)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(r.statusCode(), r.body());
  }
}
