package fi.hbflow.metrics;

import java.util.Map;

/**
 * The engine's own state: what operations watch beside the HB figures.
 *
 * @param executableJobs   jobs due and with retries left (async steps, timers due)
 * @param failedJobs       jobs out of retries (each has an incident)
 * @param openIncidents    open incidents per type ({@code failedJob}, {@code failedExternalTask}, ...)
 * @param openTasksByGroup open user tasks per candidate group
 */
public record EngineFigures(long executableJobs, long failedJobs, Map<String, Long> openIncidents,
                            Map<String, Long> openTasksByGroup) {
}
