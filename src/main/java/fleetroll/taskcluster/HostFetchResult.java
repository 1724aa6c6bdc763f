package fleetroll.taskcluster;

import fleetroll.hosts.HostTarget;
import fleetroll.store.WorkerRecord;

/** How tc-fetch ended for one host: exactly one of these, so every host is accounted for. */
public sealed interface HostFetchResult {
    HostPlan plan();

    default HostTarget target() {
        return plan().target();
    }

    /** Its worker was found in its pool and stored. */
    record Matched(HostPlan.Assigned plan, WorkerRecord record) implements HostFetchResult {}

    /** Its pool was fetched, but no worker there has its short name as workerId. */
    record NotInPool(HostPlan.Assigned plan) implements HostFetchResult {}

    /** Its pool could not be fetched; nothing was stored for it. */
    record PoolFailed(HostPlan.Assigned plan, String reason) implements HostFetchResult {}

    /** No pool to look in (see {@link HostPlan.Unassigned#reason()}). */
    record Skipped(HostPlan.Unassigned plan) implements HostFetchResult {}
}
