package fleetroll.taskcluster;

import fleetroll.hosts.HostTarget;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import fleetroll.store.WorkerRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * tc-fetch: plan each host's pool from the store, fetch each distinct pool once (a few at a
 * time), match workers to hosts by short name and store what matched.
 */
public final class WorkerFetchService {
    private final LocalState state;
    private final RoleMapping mapping;
    private final WorkerClient client;
    private final Clock clock;

    public WorkerFetchService(LocalState state, RoleMapping mapping, WorkerClient client, Clock clock) {
        this.state = state;
        this.mapping = mapping;
        this.client = client;
        this.clock = clock;
    }

    public List<HostPlan> plan(List<HostTarget> targets) {
        Map<String, Observation> latest = state.observations()
                .latestSuccessful(targets.stream().map(HostTarget::host).toList());
        // Hosts share overrides (a pool moved by one WORKER_TYPE_OVERRIDE): read each file once.
        Map<String, Optional<byte[]>> overrides = new HashMap<>();
        HostPlanner planner = new HostPlanner(mapping, sha -> overrides.computeIfAbsent(sha, state.overrides()::bytes));
        return planner.plan(targets, latest);
    }

    public TcFetchReport run(List<HostPlan> plans, FetchListener listener) throws InterruptedException {
        Instant start = clock.instant();
        // Stamped with the start: the data is at least this old, never younger than it claims.
        String ts = Observation.timestamp(start);
        Map<WorkerPool, PoolFetch> fetched = fetchAll(pools(plans), listener);
        Map<WorkerPool, Map<String, TcWorker>> byId = new HashMap<>();
        fetched.forEach((pool, fetch) -> {
            if (fetch instanceof PoolFetch.Fetched ok) {
                byId.put(pool, indexById(ok.workers()));
            }
        });
        WorkerRecord[] stored = storeMatches(plans, byId, ts);
        List<HostFetchResult> results = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            results.add(
                    switch (plans.get(i)) {
                        case HostPlan.Unassigned unassigned -> new HostFetchResult.Skipped(unassigned);
                        case HostPlan.Assigned assigned -> result(assigned, fetched.get(assigned.pool()), stored[i]);
                    });
        }
        return new TcFetchReport(results, List.copyOf(fetched.values()), ts, Duration.between(start, clock.instant()));
    }

    /** The distinct pools of the assigned hosts, sorted: each is fetched once, in this order. */
    public static SortedSet<WorkerPool> pools(List<HostPlan> plans) {
        SortedSet<WorkerPool> pools = new TreeSet<>();
        for (HostPlan plan : plans) {
            if (plan instanceof HostPlan.Assigned assigned) {
                pools.add(assigned.pool());
            }
        }
        return pools;
    }

    /**
     * Stores a record for each host whose pool was fetched and lists its short name, all in one
     * transaction (one commit per fetch, not per host: 10,000 hosts are 10,000 records), and
     * returns them as stored by position in {@code plans}; null where no worker matched.
     */
    private WorkerRecord[] storeMatches(List<HostPlan> plans, Map<WorkerPool, Map<String, TcWorker>> byId, String ts) {
        WorkerRecord[] records = new WorkerRecord[plans.size()];
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i) instanceof HostPlan.Assigned assigned && byId.containsKey(assigned.pool())) {
                TcWorker worker =
                        byId.get(assigned.pool()).get(assigned.target().shortName());
                if (worker != null) {
                    records[i] = record(assigned, worker, ts);
                    matched.add(i);
                }
            }
        }
        List<WorkerRecord> stored =
                state.workers().addAll(matched.stream().map(i -> records[i]).toList());
        for (int k = 0; k < matched.size(); k++) {
            records[matched.get(k)] = stored.get(k); // a ts may have moved on by 1 µs
        }
        return records;
    }

    private static HostFetchResult result(HostPlan.Assigned plan, PoolFetch fetch, WorkerRecord stored) {
        return switch (fetch) {
            case PoolFetch.Failed failed -> new HostFetchResult.PoolFailed(plan, failed.reason());
            case PoolFetch.Fetched ignored ->
                stored == null ? new HostFetchResult.NotInPool(plan) : new HostFetchResult.Matched(plan, stored);
        };
    }

    static WorkerRecord record(HostPlan.Assigned plan, TcWorker worker, String ts) {
        return new WorkerRecord(
                plan.target().shortName(),
                ts,
                plan.pool().provisionerId(),
                plan.pool().workerType(),
                worker.workerGroup(),
                worker.workerId(),
                worker.state(),
                worker.firstClaim(),
                worker.lastDateActive(),
                worker.quarantineUntil(),
                worker.latestTaskId(),
                worker.latestRunId(),
                worker.taskState(),
                worker.taskStarted(),
                worker.taskResolved());
    }

    /**
     * workerId is unique only within a workerGroup; a host moved between groups (data centres)
     * can appear twice. The one active most recently is the host as it is now.
     */
    static Map<String, TcWorker> indexById(List<TcWorker> workers) {
        Comparator<TcWorker> newer = Comparator.comparing((TcWorker w) ->
                w.lastDateActive() == null ? Instant.MIN : Observation.parseTimestamp(w.lastDateActive()));
        Map<String, TcWorker> index = new HashMap<>();
        for (TcWorker worker : workers) {
            index.merge(worker.workerId(), worker, (a, b) -> newer.compare(b, a) > 0 ? b : a);
        }
        return index;
    }

    private Map<WorkerPool, PoolFetch> fetchAll(SortedSet<WorkerPool> pools, FetchListener listener)
            throws InterruptedException {
        Semaphore permits = new Semaphore(client.settings().concurrentPools());
        Map<WorkerPool, Future<PoolFetch>> pending = new TreeMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (WorkerPool pool : pools) {
                pending.put(pool, threads.submit(() -> {
                    permits.acquire();
                    try {
                        PoolFetch fetch = client.fetch(pool, listener);
                        listener.poolDone(fetch);
                        return fetch;
                    } finally {
                        permits.release();
                    }
                }));
            }
            Map<WorkerPool, PoolFetch> results = new TreeMap<>();
            try {
                for (Map.Entry<WorkerPool, Future<PoolFetch>> entry : pending.entrySet()) {
                    results.put(entry.getKey(), await(entry.getKey(), entry.getValue(), listener));
                }
            } catch (InterruptedException e) {
                pending.values().forEach(f -> f.cancel(true)); // else close() waits for every fetch
                throw e;
            }
            return results;
        }
    }

    private static PoolFetch await(WorkerPool pool, Future<PoolFetch> future, FetchListener listener)
            throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // fetch() turns every network and server fault into Failed; reaching here is a bug.
            PoolFetch failed = new PoolFetch.Failed(pool, "internal error: " + e.getCause(), Duration.ZERO);
            listener.poolDone(failed);
            return failed;
        }
    }
}
