package fi.hbflow.dashboard.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The HB dashboard (HB-mittaristo) as a Cockpit plugin: its server side is the JAX-RS resource
 * {@link HbDashboardRootResource} under {@code /camunda/api/cockpit/plugin/hb-dashboard/}, behind Cockpit's own
 * login session and CSRF protection. Registered in {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 *
 * <p>The page itself is the front-end module {@code app/cockpit/scripts/hb-dashboard.js} (registered in Cockpit's
 * {@code scripts/config.js} as a custom script). Cockpit also loads {@code app/plugin.js} of every server-side plugin
 * from {@code plugin-webapp/hb-dashboard/}: that one is empty.
 */
public class HbDashboardPlugin extends AbstractCockpitPlugin {

  public static final String ID = "hb-dashboard";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(HbDashboardRootResource.class);
  }
}
