package fi.hbflow.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;
import fi.hbflow.engine.EngineContext;
import fi.hbflow.support.SupportModels;
import fi.hbflow.identity.Roles;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The HB dashboard's figures for the Cockpit plugin and the Prometheus series: {@link HbFigureQueries} behind a short
 * cache ({@code hbflow.dashboard.cache-seconds}, 60 by default), so the heavy queries of one selection run at most
 * once per that time however often the page is opened or Prometheus scrapes. Who may see them: {@link #ALLOWED_GROUPS}.
 */
@Component
public class HbDashboard {

  /** Management and process owners (johto, prosessinomistajat). */
  public static final Set<String> ALLOWED_GROUPS = Set.of(Roles.MANAGEMENT, Roles.PROCESS_OWNERS);

  private static final Logger LOG = LoggerFactory.getLogger(HbDashboard.class);
  private static final long SLOW_MILLIS = 2000;

  private final ProcessEngine engine;
  private final HbFigureQueries queries;
  private final Cache<DashboardSelection, HbFigures> cache;
  /** The figures of every case, for Prometheus: refreshed in the background, never waited for. */
  private final LoadingCache<DashboardSelection, HbFigures> latest;
  private final Map<String, String> supportModels;
  /** One background thread refreshes the figures Prometheus reads. */
  private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "hb-figures-refresh");
    thread.setDaemon(true);
    return thread;
  });

  public HbDashboard(ProcessEngine engine, DataSource dataSource,
                     @Value("${hbflow.dashboard.cache-seconds:60}") long cacheSeconds) {
    this.engine = engine;
    this.queries = new HbFigureQueries(dataSource);
    this.cache = FigureCaches.timed(Duration.ofSeconds(cacheSeconds), 100);
    this.latest = FigureCaches.refreshedInBackground(Duration.ofSeconds(cacheSeconds), this::compute, refresher);
    this.supportModels = supportModels();
  }

  /**
   * The figures of every case without waiting for the queries (for Prometheus): the latest computed, however old, and
   * a refresh in the background when they are older than {@code cache-seconds}; null until the first are computed.
   */
  public HbFigures latestOfAllCases() {
    return FigureCaches.latest(latest, DashboardSelection.ALL);
  }

  @PreDestroy
  void stop() {
    refresher.shutdownNow();
  }

  /** Whether a user of these groups may see the figures. */
  public static boolean allowed(Collection<String> groups) {
    return groups != null && groups.stream().anyMatch(ALLOWED_GROUPS::contains);
  }

  /** The figures of the selection, at most {@code cache-seconds} old. */
  public HbFigures figures(DashboardSelection filter) {
    return cache.get(filter, this::compute);
  }

  private HbFigures compute(DashboardSelection filter) {
    long started = System.nanoTime();
    HbFigures figures = queries.compute(filter, steps(), supportModels, EngineContext.today());
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (millis > SLOW_MILLIS) {
      LOG.info("HB figures of " + filter + " took " + millis + " ms");
    }
    return figures;
  }

  /**
   * The steps a case waits in, in the flow order of the latest deployed {@code hb-palveluprosessi}: user tasks, the
   * call activity, timers and receive tasks, by id and name. Read without the caller's authorizations.
   */
  Map<String, String> steps() {
    return EngineContext.withoutCallerAuthorization(engine.getIdentityService(), () -> {
      Map<String, String> steps = new LinkedHashMap<>();
      ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(HbFigureQueries.PROCESS_KEY).latestVersion().singleResult();
      if (latest == null) {
        return steps;
      }
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(latest.getId());
      for (FlowNode node : inFlowOrder(model)) {
        if (node instanceof UserTask || node instanceof CallActivity || node instanceof IntermediateCatchEvent
            || node instanceof ReceiveTask) {
          steps.put(node.getId(), node.getName() == null ? node.getId() : node.getName());
        }
      }
      return steps;
    });
  }

  /**
   * The flow nodes of a model in the order a case meets them: breadth first from the start events along the sequence
   * flows (an activity's boundary events right after it), then any node not reached that way.
   */
  static List<FlowNode> inFlowOrder(BpmnModelInstance model) {
    Map<FlowNode, List<BoundaryEvent>> boundaries = new HashMap<>();
    model.getModelElementsByType(BoundaryEvent.class)
        .forEach(b -> boundaries.computeIfAbsent(b.getAttachedTo(), k -> new ArrayList<>()).add(b));
    Set<FlowNode> seen = new LinkedHashSet<>();
    Deque<FlowNode> queue = new ArrayDeque<>(model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getParentElement() instanceof Process).toList());
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      if (!seen.add(node)) {
        continue;
      }
      boundaries.getOrDefault(node, List.of()).forEach(queue::add);
      node.getOutgoing().forEach(flow -> queue.add(flow.getTarget()));
    }
    seen.addAll(model.getModelElementsByType(FlowNode.class));
    return new ArrayList<>(seen);
  }

  /** The support models (tukimalli) and their Finnish names, from the catalogue {@code processes/hb-tukimallit.dmn}. */
  static Map<String, String> supportModels() {
    return SupportModels.shipped().finnishNames();
  }

}
