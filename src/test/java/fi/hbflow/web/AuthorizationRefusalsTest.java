package fi.hbflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AuthorizationRefusalsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** The engine REST API's answer to a worker's PUT of a case variable through their own task. */
  static final String VARIABLE_WRITE = "{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'sanna' "
      + "does not have one of the following permissions: 'UPDATE_VARIABLE' permission on resource 'f00-task' of type "
      + "'Task' or 'UPDATE_TASK_VARIABLE' permission on resource 'hb-palveluprosessi' of type 'ProcessDefinition'\","
      + "\"code\":0,\"userId\":\"sanna\",\"permissionName\":null,\"resourceName\":null,\"resourceId\":null,"
      + "\"missingAuthorizations\":[{\"permissionName\":\"UPDATE_VARIABLE\",\"resourceName\":\"Task\","
      + "\"resourceId\":\"f00-task\"},{\"permissionName\":\"UPDATE_TASK_VARIABLE\",\"resourceName\":"
      + "\"ProcessDefinition\",\"resourceId\":\"hb-palveluprosessi\"}]}";

  @Test
  void theEnginesRefusalIsFinnishNamesTheActionAndNoResourceId() throws Exception {
    JsonNode finnish = JSON.readTree(AuthorizationRefusals.finnish(VARIABLE_WRITE));
    assertThat(finnish.get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(finnish.get("message").asText()).isEqualTo("Sinulla ei ole oikeutta tähän toimintoon: asian tietojen "
        + "muuttaminen (ne muuttuvat vain tehtävän lomakkeella).");
    assertThat(finnish.toString()).doesNotContain("f00-task").doesNotContain("does not have")
        .contains("\"permissionName\":\"UPDATE_VARIABLE\"");
    assertThat(finnish.get("userId").asText()).isEqualTo("sanna");
  }

  @Test
  void eachActionHasItsFinnishName() {
    assertThat(AuthorizationRefusals.message("TASK_WORK", "Task"))
        .isEqualTo("Sinulla ei ole oikeutta tähän toimintoon: tehtävän käsittely (ottaminen itselle, lomakkeen "
            + "lähettäminen).");
    assertThat(AuthorizationRefusals.message("READ", "Task")).endsWith(": tehtävän lukeminen.");
    assertThat(AuthorizationRefusals.message("READ_INSTANCE_VARIABLE", "ProcessDefinition"))
        .endsWith(": asian tietojen lukeminen.");
    assertThat(AuthorizationRefusals.message("CREATE", "ProcessInstance")).endsWith(": asian aloittaminen.");
    assertThat(AuthorizationRefusals.message("CREATE_INSTANCE", "ProcessDefinition")).endsWith(": asian aloittaminen.");
    assertThat(AuthorizationRefusals.message("CREATE_INSTANCE", "DecisionDefinition"))
        .endsWith(": päätöstaulun kokeileminen.");
    assertThat(AuthorizationRefusals.message("DELETE", "Deployment")).endsWith(": käyttöönoton poistaminen.");
    assertThat(AuthorizationRefusals.message("UPDATE", "Whatever")).endsWith(": kohteen muuttaminen.");
    assertThat(AuthorizationRefusals.message("SOMETHING_NEW", "Task"))
        .isEqualTo("Sinulla ei ole oikeutta tähän toimintoon.");
    assertThat(AuthorizationRefusals.message(null, null)).isEqualTo("Sinulla ei ole oikeutta tähän toimintoon.");
  }

  @Test
  void anAdministratorsOnlyRefusalSaysSo() throws Exception {
    String adminOnly = "{\"type\":\"AuthorizationException\",\"message\":\"ENGINE-03029 Required admin authenticated "
        + "group or user or any of the following permissions: 'READ' permission on resource 'System'\","
        + "\"missingAuthorizations\":[]}";
    // camunda-admin is named in some of the engine's texts; a permission named wins, else the administrator
    assertThat(JSON.readTree(AuthorizationRefusals.finnish(adminOnly)).get("message").asText())
        .isEqualTo("Sinulla ei ole oikeutta tähän toimintoon.");
    String groupOnly = "{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'x' is not a member of "
        + "the group camunda-admin\"}";
    assertThat(JSON.readTree(AuthorizationRefusals.finnish(groupOnly)).get("message").asText())
        .isEqualTo("Sinulla ei ole oikeutta tähän toimintoon: vain pääkäyttäjä voi tehdä sen.");
  }

  @Test
  void otherAnswersAreNotRewritten() {
    assertThat(AuthorizationRefusals.finnish("{\"type\":\"Forbidden\",\"message\":\"Sinulla ei ole...\"}")).isNull();
    assertThat(AuthorizationRefusals.finnish("{\"virhe\":\"HB-mittaristo on vain johdolle\"}")).isNull();
    assertThat(AuthorizationRefusals.finnish("<html>403</html>")).isNull();
    assertThat(AuthorizationRefusals.finnish("")).isNull();
    String already = AuthorizationRefusals.finnish(VARIABLE_WRITE);
    assertThat(AuthorizationRefusals.finnish(already)).isNull();
  }

  @Test
  void theFilterRewritesOnlyA403AndStreamsEverythingElse() throws Exception {
    MockHttpServletResponse refused = run(403, VARIABLE_WRITE, true);
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Sinulla ei ole oikeutta tähän toimintoon")
        .doesNotContain("f00-task");
    assertThat(refused.getContentLength()).isEqualTo(refused.getContentAsByteArray().length);
    assertThat(refused.getContentType()).startsWith("application/json");

    MockHttpServletResponse ok = run(200, "{\"id\":\"f00-task\"}", true);
    assertThat(ok.getStatus()).isEqualTo(200);
    assertThat(ok.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"f00-task\"}");
    assertThat(ok.getContentLength()).isEqualTo("{\"id\":\"f00-task\"}".length());

    MockHttpServletResponse otherRefusal = run(403, "", false);
    assertThat(otherRefusal.getStatus()).isEqualTo(403);
    assertThat(otherRefusal.getContentAsString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static MockHttpServletResponse run(int status, String body, boolean withLength) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new ForbiddenInFinnishFilter().doFilter(new MockHttpServletRequest("PUT", "/engine-rest/task/f00-task/variables/x"),
        response, (req, res) -> {
          HttpServletResponse http = (HttpServletResponse) res;
          http.setStatus(status);
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          if (withLength) {
            http.setContentLength(bytes.length);
          }
          http.getOutputStream().write(bytes);
        });
    return response;
  }
}
