package fi.hbflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request limits of the REST APIs (the whole application: fi.hbflow.production.SecurityIT). */
class RequestSizeLimitFilterTest {

  final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(1024, 4096, 3);

  @Test
  void aFormWithinTheLimitsReachesTheApiWhole() throws Exception {
    String body = "{\"variables\":{\"a\":{\"value\":\"x\"},\"b\":{\"value\":\"y\"},\"c\":{\"value\":\"ä\"}}}";
    AtomicReference<String> seen = new AtomicReference<>();
    MockHttpServletResponse response = run(json("/engine-rest/task/1/submit-form", body), seen);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(seen.get()).isEqualTo(body);
  }

  @Test
  void aBodyOverTheLimitIs413WithAFinnishMessage() throws Exception {
    MockHttpServletResponse response = run(json("/engine-rest/task/1/submit-form", "{\"x\":\"" + "x".repeat(2000) + "\"}"),
        null);
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("\"type\":\"RequestTooLargeException\"").contains("Pyyntö on liian suuri: enintään 1 kt, tämä 2 kt");
  }

  @Test
  void aChunkedBodyIsCountedAsItIsRead() throws Exception {
    MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/camunda/api/engine/engine/default/task/1/claim") {
      @Override
      public long getContentLengthLong() {
        return -1; // no Content-Length: the body arrives in chunks
      }
    };
    chunked.setContentType("application/json");
    chunked.addHeader("Transfer-Encoding", "chunked");
    chunked.setContent("x".repeat(1500).getBytes(StandardCharsets.UTF_8));
    assertThat(run(chunked, null).getStatus()).isEqualTo(413);
  }

  @Test
  void tooManyVariablesIs400() throws Exception {
    String body = "{\"variables\":{\"a\":{},\"b\":{}},\"modifications\":{\"c\":{},\"d\":{}}}";
    MockHttpServletResponse response = run(json("/engine-rest/process-instance/1/variables", body), null);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("Lomakkeessa on liikaa kenttiä: enintään 3, tässä 4.");
  }

  @Test
  void theLedgerApiAnswersInItsOwnShape() throws Exception {
    MockHttpServletResponse response = run(json("/hbflow/api/cases/HB-2026-000001/expenses", "x".repeat(2000)), null);
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).startsWith("{\"virhe\":\"Pyyntö on liian suuri");
  }

  @Test
  void aDeploymentFromTheModelerMayBeLarger() throws Exception {
    MockHttpServletRequest deployment = new MockHttpServletRequest("POST", "/engine-rest/deployment/create");
    deployment.setContentType("multipart/form-data; boundary=x");
    deployment.setContent(new byte[3000]);
    assertThat(run(deployment, null).getStatus()).isEqualTo(200);
    deployment.setContent(new byte[5000]);
    assertThat(run(deployment, null).getStatus()).isEqualTo(413);
  }

  private static MockHttpServletRequest json(String uri, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  private MockHttpServletResponse run(MockHttpServletRequest request, AtomicReference<String> seen) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
        try {
          if (seen != null) {
            seen.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
          }
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
    });
    return response;
  }
}
