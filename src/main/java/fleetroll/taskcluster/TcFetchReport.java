package fleetroll.taskcluster;

import java.time.Duration;
import java.util.List;

/** One tc-fetch run: each host's result in input order, each pool's fetch in name order. */
public record TcFetchReport(List<HostFetchResult> hosts, List<PoolFetch> pools, String fetchedAt, Duration elapsed) {

    public boolean allPoolsFetched() {
        return pools.stream().allMatch(p -> p instanceof PoolFetch.Fetched);
    }

    public long count(Class<? extends HostFetchResult> kind) {
        return hosts.stream().filter(kind::isInstance).count();
    }

    public long failedPools() {
        return pools.stream().filter(p -> p instanceof PoolFetch.Failed).count();
    }
}
