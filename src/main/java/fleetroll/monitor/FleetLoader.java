package fleetroll.monitor;

import fleetroll.hosts.HostTarget;
import fleetroll.store.Appended;
import fleetroll.store.Database;
import fleetroll.store.LatestObservations;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import fleetroll.store.ObservationStore;
import fleetroll.store.TcWorkerStore;
import fleetroll.store.WorkerRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the requested hosts' records from the store: everything once, then only rows added
 * since (by rowid), so that following a 1,000,000-row store costs what was written, not what is
 * there. Not thread-safe: one thread owns a loader and its store connection ({@link #loadAll}
 * also reads half of the hosts on a second connection of its own, on a thread that ends before
 * it returns).
 */
public final class FleetLoader {
    /** Rows read per statement while catching up; bounds memory after a large audit. */
    static final int PAGE = 5000;

    static final int DETAIL_HISTORY = 20;

    private final LocalState state;
    private final List<HostTarget> targets;
    // Lists: "root@h" and "h" are two targets of one host, and a short name may repeat across domains.
    // Made at the first refresh or detail: --once never needs them.
    private Map<String, List<Integer>> indexByHost;
    private Map<String, List<Integer>> indexByShortName;
    // Content-addressed: the branch of a sha never changes, so this cache never goes stale.
    // Concurrent: both halves of loadAll build facts at once.
    private final Map<String, Optional<String>> branches = new ConcurrentHashMap<>();
    private final HostRecords[] records;
    private final HostFacts[] facts;
    private long observationMark;
    private long workerMark;
    private long dataVersion = Long.MIN_VALUE;
    private long version;

    public FleetLoader(LocalState state, List<HostTarget> targets) {
        this.state = state;
        this.targets = List.copyOf(targets);
        this.records = new HostRecords[targets.size()];
        this.facts = new HostFacts[targets.size()];
    }

    /** A new observation that {@link #refresh} found, for the streaming output. */
    public record Update(FleetSnapshot snapshot, List<Observation> added) {}

    /** Reads everything about the requested hosts. */
    public FleetSnapshot loadAll() {
        // Marks first: a row written between them and the bulk reads is read twice, never missed,
        // and merging it twice changes nothing.
        dataVersion = state.database().dataVersion();
        observationMark = state.observations().lastRowid();
        workerMark = state.workers().lastRowid();
        // Two halves of the hosts are read at once, the second on a thread with a connection of
        // its own: at 10,000 hosts, decoding the stored JSON and building the facts is most of
        // --once, and with C1 only (the launcher's flags) the second core is otherwise mostly
        // idle. Each read is an SQLite read transaction, so both halves see committed data.
        int half = records.length / 2;
        SecondCore.run("fleetroll-monitor-load", () -> load(state.observations(), state.workers(), 0, half), () -> {
            try (Database second = Database.open(state.database().file())) {
                load(new ObservationStore(second), new TcWorkerStore(second), half, records.length);
            }
        });
        return snapshot();
    }

    /** Reads the records of targets {@code from} to {@code to} (exclusive) and builds their facts. */
    private void load(ObservationStore observations, TcWorkerStore workers, int from, int to) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> shortNames = new LinkedHashSet<>();
        for (int i = from; i < to; i++) {
            hosts.add(targets.get(i).host());
            shortNames.add(targets.get(i).shortName());
        }
        Map<String, LatestObservations> latest = observations.latestPerHost(hosts);
        Map<String, WorkerRecord> worker = workers.latestPerHost(shortNames);
        for (int i = from; i < to; i++) {
            HostTarget target = targets.get(i);
            LatestObservations o = latest.get(target.host());
            records[i] = new HostRecords(
                    target,
                    o == null ? null : o.latest(),
                    o == null ? null : o.latestSuccessful(),
                    worker.get(target.shortName()));
            facts[i] = RowBuilder.facts(records[i], this::branch);
        }
    }

    /**
     * Reads what other processes added since the last read; empty when nothing concerning the
     * requested hosts was written. One PRAGMA when nothing changed at all.
     */
    public Optional<Update> refresh() {
        long now = state.database().dataVersion();
        if (now == dataVersion) {
            return Optional.empty();
        }
        dataVersion = now;
        index();
        BitSet changed = new BitSet(records.length);
        List<Observation> added = new ArrayList<>();
        Appended<Observation> observations;
        do {
            observations = state.observations().addedAfter(observationMark, PAGE);
            for (Observation o : observations.records()) {
                List<Integer> rows = indexByHost.getOrDefault(o.host(), List.of());
                for (int i : rows) {
                    records[i] = records[i].with(o);
                    changed.set(i);
                }
                if (!rows.isEmpty()) {
                    added.add(o);
                }
            }
            observationMark = observations.lastRowid();
        } while (observations.records().size() == PAGE);
        Appended<WorkerRecord> workers;
        do {
            workers = state.workers().addedAfter(workerMark, PAGE);
            for (WorkerRecord w : workers.records()) {
                for (int i : indexByShortName.getOrDefault(w.host(), List.of())) {
                    records[i] = records[i].with(w);
                    changed.set(i);
                }
            }
            workerMark = workers.lastRowid();
        } while (workers.records().size() == PAGE);
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
            facts[i] = RowBuilder.facts(records[i], this::branch);
        }
        return Optional.of(new Update(snapshot(), added));
    }

    /** The detail view's extra data for one host. */
    public HostDetail detail(String host) {
        index();
        List<Integer> rows = indexByHost.getOrDefault(host, List.of());
        String overrideText = null;
        String sha = rows.isEmpty() ? null : facts[rows.get(0)].overrideSha256();
        if (sha != null) {
            overrideText = state.overrides()
                    .bytes(sha)
                    .map(b -> new String(b, StandardCharsets.UTF_8))
                    .orElse(null);
        }
        return new HostDetail(host, state.observations().history(host, DETAIL_HISTORY), overrideText, null);
    }

    private void index() {
        if (indexByHost != null) {
            return;
        }
        indexByHost = new HashMap<>();
        indexByShortName = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            indexByHost
                    .computeIfAbsent(targets.get(i).host(), k -> new ArrayList<>())
                    .add(i);
            indexByShortName
                    .computeIfAbsent(targets.get(i).shortName(), k -> new ArrayList<>())
                    .add(i);
        }
    }

    private FleetSnapshot snapshot() {
        return FleetSnapshot.of(Arrays.asList(facts.clone()), ++version);
    }

    private Optional<String> branch(String sha256) {
        return branches.computeIfAbsent(
                sha256, sha -> state.overrides().bytes(sha).flatMap(RoninSettings::puppetBranch));
    }
}
