package fleetroll.monitor;

import fleetroll.hosts.HostTarget;
import fleetroll.store.FileMeta;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import fleetroll.store.WorkerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Records for monitor tests, built relative to one fixed "now". */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String SHA_A = "a".repeat(64);
    static final String SHA_B = "b".repeat(64);
    static final String VAULT = "5f2b" + "0".repeat(60);
    static final Function<String, Optional<String>> NO_BRANCHES = sha -> Optional.empty();

    private Fixtures() {}

    static HostTarget target(String host) {
        return HostTarget.parse(host);
    }

    static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    /** A healthy Linux host as the probe sees it; {@code change} edits the state. */
    static ObservedState state(UnaryOperator<StateBuilder> change) {
        return change.apply(new StateBuilder()).build();
    }

    static ObservedState state() {
        return state(b -> b);
    }

    static Observation ok(String host, Duration ago, ObservedState observed) {
        return new Observation(
                Observation.timestamp(NOW.minus(ago)),
                "test",
                Observation.ACTION_AUDIT,
                host,
                true,
                0,
                "",
                null,
                observed);
    }

    static Observation failed(String host, Duration ago, String error, String stderr) {
        return new Observation(
                Observation.timestamp(NOW.minus(ago)),
                "test",
                Observation.ACTION_AUDIT,
                host,
                false,
                255,
                stderr,
                error,
                null);
    }

    static WorkerRecord worker(String shortName, UnaryOperator<WorkerBuilder> change) {
        return change.apply(new WorkerBuilder(shortName)).build();
    }

    static WorkerRecord worker(String shortName) {
        return worker(shortName, w -> w);
    }

    static HostRecords records(String host, Observation latest, Observation latestOk, WorkerRecord worker) {
        return new HostRecords(target(host), latest, latestOk, worker);
    }

    static MonitorRow row(HostRecords records) {
        return RowBuilder.build(records, NO_BRANCHES, NOW);
    }

    /** A host audited 2 minutes ago, all fine, with an active worker. */
    static MonitorRow healthyRow(String host) {
        Observation o = ok(host, minutes(2), state());
        return row(records(host, o, o, worker(target(host).shortName())));
    }

    /** host1..hostN.example.org, audited {@code age} ago; host3's newest audit failed. */
    static FleetSnapshot fleet(int n, Duration age) {
        List<HostFacts> facts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String host = "host" + i + ".example.org";
            Observation o = ok(host, age, state(s -> s.role("role_" + (char) ('a' + host.length() % 3))));
            HostRecords r = i == 3
                    ? records(
                            host, failed(host, minutes(1), "timed_out", "Connection timed out"), o, worker("host" + i))
                    : records(host, o, o, worker("host" + i));
            facts.add(RowBuilder.facts(r, Fixtures.NO_BRANCHES));
        }
        return FleetSnapshot.of(facts, 1);
    }

    static final class StateBuilder {
        String os = "Linux";
        String role = "gecko_t_linux_talos";
        String overrideSha = null;
        Long overrideMtime = null;
        String vaultSha = VAULT;
        Long uptimeS = 3 * 86400L;
        Instant puppetRun = NOW.minus(Duration.ofMinutes(20));
        Boolean puppetSuccess = true;
        String gitSha = "0123456789abcdef0123456789abcdef01234567";
        String gitBranch = "master";
        String overrideApplied = null;
        boolean metadata = true;

        StateBuilder os(String v) {
            os = v;
            return this;
        }

        StateBuilder role(String v) {
            role = v;
            return this;
        }

        StateBuilder override(String sha, Instant mtime) {
            overrideSha = sha;
            overrideMtime = mtime == null ? null : mtime.getEpochSecond();
            return this;
        }

        StateBuilder vault(String sha) {
            vaultSha = sha;
            return this;
        }

        StateBuilder uptime(Duration d) {
            uptimeS = d == null ? null : d.getSeconds();
            return this;
        }

        StateBuilder puppet(Instant run, Boolean success) {
            puppetRun = run;
            puppetSuccess = success;
            return this;
        }

        StateBuilder applied(String overrideSha) {
            overrideApplied = overrideSha;
            return this;
        }

        /** As the report or summary sources leave it: no git sha, branch or applied shas. */
        StateBuilder withoutMetadata() {
            metadata = false;
            return this;
        }

        ObservedState build() {
            return new ObservedState(
                    os,
                    role != null,
                    role,
                    overrideSha != null,
                    overrideSha == null ? null : new FileMeta("644", "root", "root", 120L, overrideMtime),
                    overrideSha,
                    vaultSha != null,
                    vaultSha == null ? null : new FileMeta("640", "root", "root", 2048L, 1_700_000_000L),
                    vaultSha,
                    uptimeS,
                    puppetRun == null ? null : puppetRun.getEpochSecond(),
                    puppetSuccess,
                    metadata ? gitSha : null,
                    metadata ? gitBranch : null,
                    metadata ? overrideApplied : null,
                    metadata ? vaultSha : null);
        }
    }

    static final class WorkerBuilder {
        final String host;
        Instant fetched = NOW.minus(Duration.ofMinutes(1));
        Instant lastActive = NOW.minus(Duration.ofMinutes(3));
        Instant quarantineUntil = null;
        Instant taskStarted = NOW.minus(Duration.ofMinutes(40));
        Instant taskResolved = NOW.minus(Duration.ofMinutes(10));

        WorkerBuilder(String host) {
            this.host = host;
        }

        WorkerBuilder fetched(Instant v) {
            fetched = v;
            return this;
        }

        WorkerBuilder lastActive(Instant v) {
            lastActive = v;
            return this;
        }

        WorkerBuilder quarantineUntil(Instant v) {
            quarantineUntil = v;
            return this;
        }

        WorkerBuilder task(Instant started, Instant resolved) {
            taskStarted = started;
            taskResolved = resolved;
            return this;
        }

        WorkerRecord build() {
            return new WorkerRecord(
                    host,
                    Observation.timestamp(fetched),
                    "releng-hardware",
                    "gecko-t-linux-talos-1804",
                    "mdc1",
                    host,
                    "running",
                    null,
                    iso(lastActive),
                    iso(quarantineUntil),
                    "TASK1",
                    0,
                    taskResolved == null ? "running" : "completed",
                    iso(taskStarted),
                    iso(taskResolved));
        }

        private static String iso(Instant i) {
            return i == null ? null : i.toString(); // Taskcluster writes "...Z"
        }
    }
}
