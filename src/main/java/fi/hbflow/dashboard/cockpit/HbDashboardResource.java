package fi.hbflow.dashboard.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.hbflow.dashboard.DashboardSelection;
import fi.hbflow.dashboard.HbDashboard;
import fi.hbflow.dashboard.HbFigures;
import fi.hbflow.engine.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET .../figures?kuukausiAlkaen=2026-01&kuukausiAsti=2026-06&kunta=Imatra}: the {@link HbFigures} of the
 * selection as JSON, for a Cockpit user of the groups {@link HbDashboard#ALLOWED_GROUPS}. A thin adapter: the figures
 * are computed by {@link HbDashboard}.
 *
 * <ul>
 *   <li>200: the figures;</li>
 *   <li>400 {@code {"virhe"}}: a malformed selection;</li>
 *   <li>401: not logged in to Cockpit (Cockpit's own security filter answers before this);</li>
 *   <li>403 {@code {"virhe"}}: logged in, but not in johto or prosessinomistajat.</li>
 * </ul>
 */
public class HbDashboardResource extends AbstractCockpitPluginResource {

  static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(HbDashboardResource.class);

  private final HbDashboard dashboard;

  public HbDashboardResource(String engineName, HbDashboard dashboard) {
    super(engineName);
    this.dashboard = dashboard;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response figures(@QueryParam("kuukausiAlkaen") String fromMonth, @QueryParam("kuukausiAsti") String toMonth,
                          @QueryParam("kunta") String municipality) {
    // the Cockpit login, as the webapp's security filter set it on the engine's identity service (the same thing the
    // plugin API's getCurrentAuthentication() reads, without its engine-internal type)
    CurrentUser user = CurrentUser.of(getProcessEngine().getIdentityService()).orElse(null);
    if (user == null) {
      return answer(Response.Status.UNAUTHORIZED, Map.of("virhe", "Kirjaudu sisään Cockpitiin."));
    }
    List<String> groups = user.groups();
    if (!HbDashboard.allowed(groups)) {
      LOG.warn("HB dashboard refused: user " + user.id() + " is not in " + HbDashboard.ALLOWED_GROUPS);
      return answer(Response.Status.FORBIDDEN, Map.of("virhe", "HB-mittaristo on vain johdolle ja "
          + "prosessinomistajille (ryhmät johto ja prosessinomistajat)."));
    }
    DashboardSelection filter;
    try {
      filter = DashboardSelection.of(fromMonth, toMonth, municipality);
    } catch (IllegalArgumentException e) {
      return answer(Response.Status.BAD_REQUEST, Map.of("virhe", e.getMessage()));
    }
    try {
      return answer(Response.Status.OK, dashboard.figures(filter));
    } catch (RuntimeException e) {
      LOG.error("HB dashboard figures failed for " + filter, e);
      return answer(Response.Status.INTERNAL_SERVER_ERROR, Map.of("virhe",
          "HB-mittariston lukuja ei voitu laskea. Yritä hetken päästä uudelleen; jos virhe toistuu, ilmoita ylläpidolle."));
    }
  }

  private static Response answer(Response.Status status, Object body) {
    try {
      CacheControl noStore = new CacheControl();
      noStore.setNoStore(true);
      return Response.status(status).type(JSON).cacheControl(noStore).entity(MAPPER.writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the dashboard's answer", e);
    }
  }
}
