package fleetroll.taskcluster;

import fleetroll.hosts.HostTarget;

/** Where tc-fetch looks for one host's worker, or why it does not look. */
public sealed interface HostPlan {
    HostTarget target();

    /** The host's worker is looked up by its short name in {@code pool}. */
    record Assigned(HostTarget target, String role, WorkerPool pool, MappingSource source) implements HostPlan {}

    /** No pool: no successful audit, no role, a role with no mapping, or an unusable override. */
    record Unassigned(HostTarget target, String role, String reason) implements HostPlan {}
}
