package fi.hbflow.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A small client of one node's {@code /engine-rest} as one user (HTTP basic auth), for the production tests. */
final class Rest {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  final String base;
  final String user;
  private final String password;

  Rest(String base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
  }

  static Rest node(int port, String user, String password) {
    return new Rest("http://localhost:" + port + "/engine-rest", user, password);
  }

  Rest as(String otherUser, String otherPassword) {
    return new Rest(base, otherUser, otherPassword);
  }

  record Response(int status, JsonNode body, String text) {
    String message() {
      return body != null && body.has("message") ? body.get("message").asText() : text;
    }
  }

  Response get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  Response post(String path, JsonNode body) throws IOException, InterruptedException {
    return postRaw(path, JSON.writeValueAsString(body));
  }

  Response postRaw(String path, String body) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  Response put(String path, JsonNode body) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))));
  }

  /** A request without credentials. */
  Response anonymousGet(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET());
  }

  private HttpRequest.Builder request(String path) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + credentials);
  }

  private static Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode body = null;
    String text = response.body();
    if (text != null && !text.isBlank()) {
      try {
        body = JSON.readTree(text);
      } catch (IOException notJson) {
        body = null;
      }
    }
    return new Response(response.statusCode(), body, text);
  }

  /** {"variables": {"name": {"value": ...}, ...}} as the REST API takes a form. */
  static ObjectNode variables(Map<String, ?> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    values.forEach((k, v) -> vars.putObject(k).set("value", JSON.valueToTree(v)));
    return body;
  }
}
