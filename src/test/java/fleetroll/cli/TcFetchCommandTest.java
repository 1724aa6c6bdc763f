package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fleetroll.config.FleetrollHome;
import fleetroll.store.Json;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import fleetroll.store.WorkerRecord;
import fleetroll.taskcluster.FakeTaskcluster;
import fleetroll.taskcluster.FakeTaskcluster.Fault;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tc-fetch end to end: Main.run with a temp FLEETROLL_HOME against the in-process fake Taskcluster. */
class TcFetchCommandTest {
    private static final Instant NOW = Instant.parse("2026-08-21T12:00:00Z");
    private static final String TALOS = "releng-hardware/gecko-t-linux-talos-1804";
    private static final String DOMAIN = ".test.releng.mdc1.mozilla.com";

    @TempDir
    Path dir;

    private FakeTaskcluster fake;
    private FleetrollHome home;
    private final Map<String, String> env = new HashMap<>();

    record Run(int code, String out, String err) {}

    @BeforeEach
    void start() throws IOException {
        fake = FakeTaskcluster.start();
        home = new FleetrollHome(dir.resolve("fleetroll-home"));
        env.put("FLEETROLL_HOME", home.root().toString());
        env.put("TASKCLUSTER_ROOT_URL", fake.rootUrl().toString());
        env.put("HOME", dir.toString()); // no ~/.tc_token unless a test writes one
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void storesMatchedWorkersFromEveryPageAndReportsAHostMissingFromItsPool() {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 2500, NOW));
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_talos", null);
        audited("t-linux64-ms-2400", "Linux", "gecko_t_linux_talos", null);
        audited("t-linux64-ms-9999", "Linux", "gecko_t_linux_talos", null);

        Run run = run("tc-fetch", fqdn("t-linux64-ms-001"), fqdn("t-linux64-ms-2400"), fqdn("t-linux64-ms-9999"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(fake.requestsFor(TALOS)).hasSize(3);
        Map<String, WorkerRecord> stored = stored("t-linux64-ms-001", "t-linux64-ms-2400", "t-linux64-ms-9999");
        assertThat(stored).containsOnlyKeys("t-linux64-ms-001", "t-linux64-ms-2400");
        WorkerRecord record = stored.get("t-linux64-ms-2400");
        assertThat(record.ts()).isEqualTo(Observation.timestamp(NOW));
        assertThat(record.provisioner()).isEqualTo("releng-hardware");
        assertThat(record.workerType()).isEqualTo("gecko-t-linux-talos-1804");
        assertThat(record.workerGroup()).isEqualTo("mdc1");
        assertThat(record.workerId()).isEqualTo("t-linux64-ms-2400");
        assertThat(record.state()).isEqualTo("standalone");
        assertThat(record.firstClaim())
                .isEqualTo(NOW.minus(Duration.ofDays(200)).toString());
        assertThat(record.lastDateActive())
                .isEqualTo(NOW.minus(Duration.ofMinutes(10)).toString());
        assertThat(record.quarantineUntil()).isNull();
        assertThat(record.latestTaskId()).startsWith("fBYx1NMjTxWqtlpqvLNv");
        assertThat(record.latestRunId()).isZero();
        assertThat(record.latestTaskState()).isEqualTo("COMPLETED");
        assertThat(record.latestTaskStarted())
                .isEqualTo(NOW.minus(Duration.ofMinutes(20)).toString());
        assertThat(record.latestTaskResolved())
                .isEqualTo(NOW.minus(Duration.ofMinutes(12)).toString());
        assertThat(run.out())
                .contains("Fetched 1 of 1 worker types from " + fake.rootUrl() + " in 0.0s; stored 2 of 3 hosts.")
                .contains(TALOS + "  ok: 2500 workers in 3 pages, 3 hosts asked for")
                .contains(fqdn("t-linux64-ms-9999") + "  not in " + TALOS + " (no workerId t-linux64-ms-9999)");
    }

    @Test
    void theMonitorShowsWhatTcFetchStored() {
        ObjectNode quarantined = FakeTaskcluster.worker("t-linux64-ms-002", NOW);
        quarantined.put("quarantineUntil", NOW.plus(Duration.ofDays(1)).toString());
        fake.pool(TALOS, List.of(FakeTaskcluster.worker("t-linux64-ms-001", NOW), quarantined));
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_talos", null);
        audited("t-linux64-ms-002", "Linux", "gecko_t_linux_talos", null);
        assertThat(run("tc-fetch", fqdn("t-linux64-ms-001"), fqdn("t-linux64-ms-002"))
                        .code())
                .isZero();

        Run monitor = run("host-monitor", "--once", fqdn("t-linux64-ms-001"), fqdn("t-linux64-ms-002"));

        assertThat(monitor.code()).as(monitor.err()).isZero();
        List<String> lines = monitor.out().lines().toList();
        String header = lines.get(0);
        String active = lines.stream()
                .filter(l -> l.contains("t-linux64-ms-001"))
                .findFirst()
                .orElseThrow();
        String quarantinedRow = lines.stream()
                .filter(l -> l.contains("t-linux64-ms-002"))
                .findFirst()
                .orElseThrow();
        // TC_ACT: last active 10 minutes before the fixed clock; TC_T_DUR: the 8-minute task.
        assertThat(cell(header, active, "TC_ACT")).isEqualTo("10m 00s");
        assertThat(cell(header, active, "TC_T_DUR")).isEqualTo("8m 00s");
        assertThat(cell(header, active, "TC_QUAR")).isEqualTo("-");
        assertThat(cell(header, quarantinedRow, "TC_QUAR")).isEqualTo("YES");
        assertThat(cell(header, quarantinedRow, "HEALTHY")).isEqualTo("N");
    }

    /** The cell under {@code column}, by the header's column positions. */
    private static String cell(String header, String row, String column) {
        int start = header.indexOf(column);
        assertThat(start).as("column " + column + " in " + header).isNotNegative();
        int end = start + column.length();
        while (end < header.length() && header.charAt(end) == ' ') {
            end++;
        }
        String next = end < header.length() ? header.substring(end) : "";
        int stop = next.isEmpty() ? row.length() : Math.min(row.length(), end);
        return row.substring(Math.min(start, row.length()), Math.max(Math.min(start, row.length()), stop))
                .strip();
    }

    @Test
    void storesRowsInThePythonFleetrollLayout() throws SQLException {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW));
        audited("t-linux64-ms-002", "Linux", "gecko_t_linux_talos", null);

        assertThat(run("tc-fetch", fqdn("t-linux64-ms-002")).code()).isZero();

        try (LocalState state = LocalState.open(home);
                PreparedStatement q =
                        state.database().connection().prepareStatement("SELECT host, ts, type, data FROM tc_workers");
                ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("host")).isEqualTo("t-linux64-ms-002");
            assertThat(rs.getString("ts")).isEqualTo("2026-08-21T12:00:00.000000+00:00");
            assertThat(rs.getString("type")).isEqualTo("worker");
            JsonNode data = Json.MAPPER.readTree(rs.getString("data"));
            List<String> keys = new ArrayList<>();
            data.fieldNames().forEachRemaining(keys::add);
            assertThat(keys)
                    .containsExactlyInAnyOrder(
                            // the Python fleetroll's keys ...
                            "type",
                            "ts",
                            "host",
                            "worker_id",
                            "provisioner",
                            "worker_type",
                            "state",
                            "last_date_active",
                            "task_started",
                            "task_resolved",
                            "task_state",
                            "quarantine_until",
                            // ... and ours, which it ignores
                            "worker_group",
                            "first_claim",
                            "task_id",
                            "task_run_id");
            assertThat(data.get("type").asText()).isEqualTo("worker");
            assertThat(data.get("task_state").asText()).isEqualTo("COMPLETED");
            assertThat(rs.next()).isFalse();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void skipsHostsWithoutAuditRoleOrMappingAndSaysWhy() {
        audited("t-linux64-ms-010", "Linux", null, null);
        audited("t-linux64-ms-011", "Linux", "gecko_t_linux_unknown", null);

        Run run = run("tc-fetch", fqdn("t-linux64-ms-009"), fqdn("t-linux64-ms-010"), fqdn("t-linux64-ms-011"));

        assertThat(run.code()).isZero();
        assertThat(fake.requests()).isEmpty();
        assertThat(run.out())
                .startsWith("No host has a worker type to fetch (3 hosts skipped).")
                .contains(fqdn("t-linux64-ms-009") + "  skipped: no successful audit stored: run host-audit first")
                .contains(
                        fqdn("t-linux64-ms-010") + "  skipped: no role: /etc/puppet_role was absent at the last audit")
                .contains(fqdn("t-linux64-ms-011")
                        + "  skipped: no worker type for role gecko_t_linux_unknown: map it in config.yaml under"
                        + " taskcluster: worker_types:");
    }

    @Test
    void keepsTheRoleOfTheLastSuccessfulAuditWhenTheLatestAuditFailed() {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW));
        audited("t-linux64-ms-003", "Linux", "gecko_t_linux_talos", null);
        try (LocalState state = LocalState.open(home)) {
            state.observations()
                    .add(new Observation(
                            Observation.timestamp(NOW.minusSeconds(60)),
                            "test",
                            Observation.ACTION_AUDIT,
                            fqdn("t-linux64-ms-003"),
                            false,
                            255,
                            "ssh: connect: timed out",
                            "timed_out",
                            null));
        }

        assertThat(run("tc-fetch", fqdn("t-linux64-ms-003")).code()).isZero();

        assertThat(stored("t-linux64-ms-003")).containsOnlyKeys("t-linux64-ms-003");
    }

    @Test
    void workerTypeOverrideMovesTheHostToThatWorkerType() {
        String alpha = "releng-hardware/gecko-t-linux-talos-1804-alpha";
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW));
        fake.pool(alpha, List.of(FakeTaskcluster.worker("t-linux64-ms-001", NOW.minusSeconds(3600))));
        audited(
                "t-linux64-ms-001",
                "Linux",
                "gecko_t_linux_talos",
                "PUPPET_REPO='https://github.com/me/ronin_puppet.git'\nPUPPET_BRANCH='alpha'\n"
                        + "WORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-alpha'\n");
        audited("t-linux64-ms-002", "Linux", "gecko_t_linux_talos", "PUPPET_BRANCH='x'\n#WORKER_TYPE_OVERRIDE='y'\n");

        Run run = run("tc-fetch", "-v", fqdn("t-linux64-ms-001"), fqdn("t-linux64-ms-002"));

        assertThat(run.code()).as(run.err()).isZero();
        Map<String, WorkerRecord> stored = stored("t-linux64-ms-001", "t-linux64-ms-002");
        assertThat(stored.get("t-linux64-ms-001").workerType()).isEqualTo("gecko-t-linux-talos-1804-alpha");
        assertThat(stored.get("t-linux64-ms-001").lastDateActive())
                .isEqualTo(NOW.minusSeconds(3600).minus(Duration.ofMinutes(10)).toString());
        assertThat(stored.get("t-linux64-ms-002").workerType()).isEqualTo("gecko-t-linux-talos-1804");
        assertThat(run.out())
                .contains("gecko_t_linux_talos -> " + alpha + " (WORKER_TYPE_OVERRIDE): 1 host")
                .contains("gecko_t_linux_talos -> " + TALOS + " (built-in): 1 host")
                .contains(fqdn("t-linux64-ms-001") + "  stored: gecko-t-linux-talos-1804-alpha mdc1/t-linux64-ms-001,"
                        + " state standalone, last active 2026-08-21T10:50:00Z, quarantined until -, latest task");
    }

    @Test
    void configFileMapsRolesToWorkerTypes() throws IOException {
        String custom = "proj-test/gecko-t-linux-new";
        Files.createDirectories(home.root());
        Files.writeString(
                home.configFile(),
                "taskcluster:\n  worker_types:\n    gecko_t_linux_new: " + custom + "\n"
                        + "    gecko_t_linux_talos: gecko-t-linux-talos-1804-beta\n");
        fake.pool(custom, FakeTaskcluster.workers("t-linux64-ms", 3, NOW));
        fake.pool("releng-hardware/gecko-t-linux-talos-1804-beta", FakeTaskcluster.workers("t-linux64-ms", 3, NOW));
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_new", null);
        audited("t-linux64-ms-002", "Linux", "gecko_t_linux_talos", null);

        Run run = run("tc-fetch", "-v", fqdn("t-linux64-ms-001"), fqdn("t-linux64-ms-002"));

        assertThat(run.code()).as(run.err()).isZero();
        Map<String, WorkerRecord> stored = stored("t-linux64-ms-001", "t-linux64-ms-002");
        assertThat(stored.get("t-linux64-ms-001").provisioner()).isEqualTo("proj-test");
        assertThat(stored.get("t-linux64-ms-001").workerType()).isEqualTo("gecko-t-linux-new");
        assertThat(stored.get("t-linux64-ms-002").workerType()).isEqualTo("gecko-t-linux-talos-1804-beta");
        assertThat(run.out()).contains("gecko_t_linux_new -> " + custom + " (config.yaml): 1 host");
    }

    @Test
    void a500FollowedBySuccessIsStored() {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW)).failNext(TALOS, Fault.HTTP_500);
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_talos", null);

        Run run = run("tc-fetch", "-vv", fqdn("t-linux64-ms-001"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(stored("t-linux64-ms-001")).hasSize(1);
        assertThat(run.err())
                .contains("tc-fetch: answer  " + TALOS + " page 1: HTTP 500, 30 bytes")
                .contains("tc-fetch: retry   " + TALOS + " page 1 in 1.0s (HTTP 500)")
                .contains("tc-fetch: answer  " + TALOS + " page 1 try 2: HTTP 200");
    }

    @Test
    void aTimeoutIsRetriedAndTheNextAnswerStored() {
        fake.hangFor = Duration.ofSeconds(2);
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW)).failNext(TALOS, Fault.HANG);
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_talos", null);

        Run run = run("tc-fetch", "-vv", "--request-timeout", "1", fqdn("t-linux64-ms-001"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(stored("t-linux64-ms-001")).hasSize(1);
        assertThat(run.err()).contains("retry   " + TALOS + " page 1 in 1.0s (no answer within 1s)");
    }

    @Test
    void aFailingWorkerTypeIsReportedWhileTheOthersAreStored() {
        String mac = "releng-hardware/gecko-t-osx-1500-m4";
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW)).failNext(TALOS, Fault.INVALID_JSON);
        fake.pool(mac, FakeTaskcluster.workers("macmini-m4", 3, NOW));
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_talos", null);
        audited("macmini-m4-002", "Darwin", "gecko_t_osx_1500_m4", null);

        Run run = run("tc-fetch", fqdn("t-linux64-ms-001"), fqdn("macmini-m4-002"));

        assertThat(run.code()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(stored("t-linux64-ms-001", "macmini-m4-002")).containsOnlyKeys("macmini-m4-002");
        assertThat(run.out())
                .contains("Fetched 1 of 2 worker types")
                .contains(mac + "       ok: 3 workers in 1 page, 1 host asked for")
                .contains(TALOS + "  FAILED: answer is not JSON: \"<!DOCTYPE html><html>Taskcluster is down for"
                        + " maintenance\" (1 host not fetched)")
                .contains(fqdn("t-linux64-ms-001") + "  " + TALOS + " could not be fetched");
    }

    @Test
    void quietPrintsOneLineAndEachFailedWorkerTypeOnStderr() {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW)).failNext(TALOS, Fault.INVALID_JSON);
        fake.pool("releng-hardware/gecko-t-osx-1500-m4", FakeTaskcluster.workers("macmini-m4", 3, NOW));
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_talos", null);
        audited("macmini-m4-002", "Darwin", "gecko_t_osx_1500_m4", null);
        audited("macmini-m4-009", "Darwin", "gecko_t_osx_1500_m4", null);

        Run run = run("tc-fetch", "-q", fqdn("t-linux64-ms-001"), fqdn("macmini-m4-002"), fqdn("macmini-m4-009"));

        assertThat(run.code()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(run.out())
                .isEqualTo("FAILED: 1/2 worker types fetched, 1/3 hosts stored (1 not in pool, 1 in a failed worker"
                        + " type) in 0.0s\n");
        assertThat(run.err())
                .isEqualTo("fleetroll: " + TALOS + ": answer is not JSON: \"<!DOCTYPE html><html>Taskcluster is down"
                        + " for maintenance\"\n");
    }

    @Test
    void partialGraphqlErrorsAreUsedAndReported() {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW)).failNext(TALOS, Fault.PARTIAL_ERRORS);
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_talos", null);
        audited("t-linux64-ms-002", "Linux", "gecko_t_linux_talos", null);

        Run run = run("tc-fetch", fqdn("t-linux64-ms-001"), fqdn("t-linux64-ms-002"));

        assertThat(run.code()).isZero();
        Map<String, WorkerRecord> stored = stored("t-linux64-ms-001", "t-linux64-ms-002");
        assertThat(stored.get("t-linux64-ms-001").latestTaskId()).isNull();
        assertThat(stored.get("t-linux64-ms-001").lastDateActive()).isNotNull();
        assertThat(stored.get("t-linux64-ms-002").latestTaskId()).isNotNull();
        assertThat(run.out()).contains("      GraphQL error: Task not found (at workers.edges.0.node.latestTask)");
    }

    @Test
    void jsonGivesEachHostsResultAndEachWorkerType() throws IOException {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 1200, NOW));
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_talos", null);
        audited("t-linux64-ms-9999", "Linux", "gecko_t_linux_talos", null);

        Run run = run("tc-fetch", "--json", fqdn("t-linux64-ms-001"), fqdn("t-linux64-ms-9999"), fqdn("nohost-1"));

        assertThat(run.code()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("fetched_at").asText()).isEqualTo("2026-08-21T12:00:00.000000+00:00");
        JsonNode matched = json.get("hosts").get(0);
        assertThat(matched.get("host").asText()).isEqualTo(fqdn("t-linux64-ms-001"));
        assertThat(matched.get("result").asText()).isEqualTo("matched");
        assertThat(matched.get("mapping").asText()).isEqualTo("built-in");
        assertThat(matched.at("/worker/worker_id").asText()).isEqualTo("t-linux64-ms-001");
        assertThat(matched.at("/worker/task_state").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("hosts").get(1).get("result").asText()).isEqualTo("not_in_pool");
        assertThat(json.get("hosts").get(2).get("result").asText()).isEqualTo("skipped");
        assertThat(json.get("hosts").get(2).get("reason").asText())
                .isEqualTo("no successful audit stored: run host-audit first");
        JsonNode pool = json.get("worker_types").get(0);
        assertThat(pool.get("worker_type").asText()).isEqualTo("gecko-t-linux-talos-1804");
        assertThat(pool.get("workers").asInt()).isEqualTo(1200);
        assertThat(pool.get("pages").asInt()).isEqualTo(2);
        assertThat(json.get("matched").asInt()).isEqualTo(1);
        assertThat(json.get("skipped").asInt()).isEqualTo(1);
    }

    @Test
    void veryVerboseTracesEachRequestButNeverTheCredentials() throws IOException {
        String token = "TOKEN-never-print-0123456789abcdef";
        env.put("TASKCLUSTER_CLIENT_ID", "mozilla-auth0/ad|Mozilla-LDAP|secret-client");
        env.put("TASKCLUSTER_ACCESS_TOKEN", token);
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 1500, NOW));
        audited("t-linux64-ms-001", "Linux", "gecko_t_linux_talos", null);

        Run run = run("tc-fetch", "-vv", fqdn("t-linux64-ms-001"));

        assertThat(run.code()).isZero();
        assertThat(run.err())
                .contains("tc-fetch: request " + TALOS + " page 1: POST " + fake.rootUrl() + "/graphql limit 1000\n")
                .contains("tc-fetch: answer  " + TALOS + " page 1: HTTP 200, ")
                .contains("bytes: 1000 workers, more pages (")
                .contains("tc-fetch: request " + TALOS + " page 2: POST " + fake.rootUrl()
                        + "/graphql limit 1000 cursor ")
                .contains("500 workers, last page")
                .contains("tc-fetch: done    " + TALOS + ": 1500 workers in 2 pages");
        assertThat(run.out()).contains("Credentials: from TASKCLUSTER_CLIENT_ID/TASKCLUSTER_ACCESS_TOKEN");
        assertThat(run.out() + run.err()).doesNotContain(token).doesNotContain("secret-client");
        assertThat(fake.sawAuthorizationHeader()).isFalse();

        // A token file is not quoted either, even when it is broken.
        env.remove("TASKCLUSTER_CLIENT_ID");
        env.remove("TASKCLUSTER_ACCESS_TOKEN");
        Files.writeString(dir.resolve(".tc_token"), "{\"clientId\": \"x\", \"accessToken\": \"" + token + "\"");
        Run broken = run("tc-fetch", "-vv", fqdn("t-linux64-ms-001"));
        assertThat(broken.err())
                .contains("fleetroll: warning: ignoring " + dir.resolve(".tc_token") + ": it is not JSON");
        assertThat(broken.out() + broken.err()).doesNotContain(token);
    }

    @Test
    void fetchesAFewWorkerTypesAtATime() {
        fake.delay = Duration.ofMillis(200);
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String role = "gecko_t_osx_150" + i + "_m4";
            fake.pool("releng-hardware/" + role.replace('_', '-'), FakeTaskcluster.workers("macmini-m4-" + i, 2, NOW));
            audited("macmini-m4-" + i + "-001", "Darwin", role, null);
            hosts.add(fqdn("macmini-m4-" + i + "-001"));
        }
        List<String> args = new ArrayList<>(List.of("tc-fetch", "-q"));
        args.addAll(hosts);

        Run run = run(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("ok: 8/8 worker types fetched, 8/8 hosts stored in ");
        assertThat(fake.maxConcurrentRequests()).isBetween(2, 4);
    }

    @Test
    void aRootUrlThatIsNotAUrlIsBadInput() {
        env.put("TASKCLUSTER_ROOT_URL", "firefox-ci-tc");

        Run run = run("tc-fetch", fqdn("t-linux64-ms-001"));

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("fleetroll: TASKCLUSTER_ROOT_URL is not a root URL such as"
                        + " https://firefox-ci-tc.services.mozilla.com: \"firefox-ci-tc\"\n");
    }

    @Test
    void aConfigMappingThatIsNotAWorkerTypeIsBadInput() throws IOException {
        Files.createDirectories(home.root());
        Files.writeString(home.configFile(), "taskcluster:\n  worker_types:\n    r: \"a b\"\n");

        Run run = run("tc-fetch", fqdn("t-linux64-ms-001"));

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("fleetroll: " + home.configFile() + ": taskcluster.worker_types.r: not a");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aBadHostIsBadInputAndNothingIsFetched() {
        Run run = run("tc-fetch", "web1;reboot");

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("fleetroll: not a host name or address: \"web1;reboot\"\n");
    }

    @Test
    void helpShowsExamplesEnvironmentAndExitCodes() {
        Run run = run("tc-fetch", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("Usage: fleetroll tc-fetch")
                .contains("Examples:")
                .contains("TASKCLUSTER_ROOT_URL")
                .contains("gecko_t_linux_new: gecko-t-linux-new-2404")
                .contains("Exit status: 0 every worker type fetched, 1 some failed, 2 bad input.");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                args,
                CommandContext.forTest(env, home, Clock.fixed(NOW, ZoneOffset.UTC)),
                new PrintWriter(out),
                new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private void audited(String shortName, String os, String role, String override) {
        try (LocalState state = LocalState.open(home)) {
            String sha = null;
            if (override != null) {
                sha = state.overrides()
                        .put(override.getBytes(StandardCharsets.UTF_8))
                        .sha256();
            }
            ObservedState observed = new ObservedState(
                    os,
                    role != null,
                    role,
                    sha != null,
                    null,
                    sha,
                    false,
                    null,
                    null,
                    86400L,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            state.observations()
                    .add(new Observation(
                            Observation.timestamp(NOW.minusSeconds(600)),
                            "test",
                            Observation.ACTION_AUDIT,
                            fqdn(shortName),
                            true,
                            0,
                            "",
                            null,
                            observed));
        }
    }

    private Map<String, WorkerRecord> stored(String... shortNames) {
        try (LocalState state = LocalState.open(home)) {
            return state.workers().latestPerHost(List.of(shortNames));
        }
    }

    private static String fqdn(String shortName) {
        return shortName + DOMAIN;
    }
}
