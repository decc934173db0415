package fi.hbflow.dashboard.cockpit;

import fi.hbflow.dashboard.HbDashboard;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/cockpit/plugin/hb-dashboard/{engine}/figures}: see {@link HbDashboardResource}. Cockpit creates
 * this resource itself (not Spring); it finds the application's {@link HbDashboard} through the servlet context.
 */
@Path("plugin/" + HbDashboardPlugin.ID)
public class HbDashboardRootResource extends AbstractCockpitPluginRootResource {

  public HbDashboardRootResource() {
    super(HbDashboardPlugin.ID);
  }

  @Path("{engineName}/figures")
  public HbDashboardResource figures(@PathParam("engineName") String engineName) {
    WebApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new HbDashboardResource(engineName, spring.getBean(HbDashboard.class)), engineName);
  }
}
