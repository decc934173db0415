package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ConflictAnswerFilterTest {

  final ConflictAnswerFilter filter = new ConflictAnswerFilter();

  @Test
  void aConcurrentCompletionBecomesAConflictWithAFinnishMessage() throws Exception {
    MockHttpServletResponse response = run("/engine-rest/task/42/submit-form", 500,
        "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 42: ENGINE-03005 Execution of 'INSERT "
            + "VariableInstanceEntity[7]' failed. Entity was updated by another transaction concurrently.\"}");
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Tehtävä on jo käsitelty");
  }

  @Test
  void aTaskCompletedJustBeforeIsAConflictToo() throws Exception {
    MockHttpServletResponse response = run("/camunda/api/engine/engine/default/task/42/submit-form", 500,
        "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 42: Cannot find task with id 42\"}");
    assertThat(response.getStatus()).isEqualTo(409);
  }

  @Test
  void otherAnswersPassUnchanged() throws Exception {
    MockHttpServletResponse refused = run("/engine-rest/task/42/submit-form", 400, "{\"message\":\"Lomaketta ei voitu\"}");
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Lomaketta ei voitu\"}");
    MockHttpServletResponse otherFault = run("/engine-rest/task/42/submit-form", 500, "{\"message\":\"disk full\"}");
    assertThat(otherFault.getStatus()).isEqualTo(500);
    MockHttpServletResponse otherPath = run("/engine-rest/process-instance/1/variables", 500,
        "{\"message\":\"updated by another transaction concurrently\"}");
    assertThat(otherPath.getStatus()).isEqualTo(500);
  }

  private MockHttpServletResponse run(String uri, int status, String body) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> {
      ((HttpServletResponse) res).setStatus(status);
      res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    });
    return response;
  }
}
