package fleetroll.taskcluster;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.hosts.HostTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerFetchServiceTest {
    @Test
    void poolsAreTheDistinctPoolsOfAssignedHostsSorted() {
        WorkerPool talos = WorkerPool.parse("gecko-t-linux-talos-1804");
        WorkerPool alpha = WorkerPool.parse("gecko-t-linux-talos-1804-alpha");
        List<HostPlan> plans = List.of(
                assigned("h1", alpha),
                assigned("h2", talos),
                new HostPlan.Unassigned(HostTarget.parse("h3"), null, "no role"),
                assigned("h4", alpha));

        assertThat(WorkerFetchService.pools(plans)).containsExactly(talos, alpha);
        assertThat(WorkerFetchService.pools(List.of())).isEmpty();
    }

    private static HostPlan assigned(String host, WorkerPool pool) {
        return new HostPlan.Assigned(HostTarget.parse(host), "role", pool, MappingSource.BUILT_IN);
    }
}
