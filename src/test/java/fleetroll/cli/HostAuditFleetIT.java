package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.config.FleetrollHome;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import fleetroll.testfleet.TestFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * host-audit end to end against the real-sshd test fleet. Most cases share one audit: every seeded
 * host and every special host in a single run (about 5 s, the connect timeout), and each test
 * checks its part of that run's JSON, store and content stores. Runs that need other options or
 * a fresh home are their own tests.
 */
class HostAuditFleetIT {
    private static final String SECRET = "FLEETROLL-IT-SECRET-" + UUID.randomUUID();
    private static final long MTIME = 1_700_000_000L;
    private static final String STATE = "/opt/puppetlabs/puppet/cache/state";

    @TempDir
    static Path tmp;

    private static TestFleet fleet;
    private static Seeded full;
    private static String bare;
    private static String reportIso;
    private static String reportRuby;
    private static String summaryOpt;
    private static String summaryVarLib;
    private static String metadataExitCode;
    private static Seeded mac;
    private static final Map<String, byte[]> OVERRIDES = new LinkedHashMap<>(); // host -> exact bytes
    private static List<String> batchHosts;
    private static Path batchHome;
    private static FleetrollRun batch;
    private static Map<String, JsonNode> results;

    /** A host seeded with an override and a vault, and the bytes written. */
    private record Seeded(String host, byte[] override, byte[] vault, String metadata) {}

    @BeforeAll
    static void auditEverySeededAndSpecialHostInOneRun() throws Exception {
        fleet = TestFleet.shared();
        List<String> hosts = fleet.allocate(15);
        full = seedFull(hosts.get(0));
        bare = hosts.get(1);
        fleet.delete(bare, "/etc/puppet_role");
        reportIso = hosts.get(2);
        fleet.writeFile(
                reportIso,
                STATE + "/last_run_report.yaml",
                "---\nhost: " + reportIso + "\ntime: '2026-11-20T09:30:15.123456789+00:00'\n"
                        + "configuration_version: 1763631000\nstatus: changed\nresource_statuses:\n"
                        + "  File[/tmp/x]:\n    time: '2026-01-01T00:00:00+00:00'\n    status: failed\n",
                "644");
        reportRuby = hosts.get(3);
        fleet.writeFile(
                reportRuby,
                STATE + "/last_run_report.yaml",
                "--- !ruby/object:Puppet::Transaction::Report\nhost: " + reportRuby
                        + "\ntime: 2026-11-19 08:30:00.500000000 +01:00\nstatus: failed\n",
                "644");
        summaryOpt = hosts.get(4);
        fleet.writeFile(summaryOpt, STATE + "/last_run_summary.yaml", summary(1_795_000_000L, 0), "644");
        summaryVarLib = hosts.get(5);
        fleet.writeFile(
                summaryVarLib, "/var/lib/puppet/state/last_run_summary.yaml", summary(1_795_000_100L, 2), "644");
        metadataExitCode = hosts.get(6);
        fleet.writeFile(
                metadataExitCode,
                "/etc/puppet/last_run_metadata.json",
                "{\"schema_version\": 1, \"ts\": \"2026-11-21T12:00:00Z\", \"exit_code\": 2}",
                "644");

        Random random = new Random(42);
        byte[] mebibyte = new byte[1024 * 1024];
        random.nextBytes(mebibyte);
        List<byte[]> contents = List.of(
                bytes("PUPPET_BRANCH=\u00e9t\u00e9\n", 0xff, 0xfe, 0xc3, '(', '\n'), // invalid UTF-8
                bytes("A=1", 0, 'B', '=', '2', '\n', 0), // NUL
                "PUPPET_BRANCH=crlf\r\nPUPPET_REPO=https://example.org/r.git\r\n".getBytes(StandardCharsets.UTF_8),
                "PUPPET_BRANCH=last-line-without-newline".getBytes(StandardCharsets.UTF_8),
                new byte[0],
                // lines the probe itself prints: the override is last, so they must stay data
                "OVR_PRESENT=0\n__OVR_CONTENT__\nVLT_CONTENT_BYTES=3\nabc\n__END__ VLT_CONTENT\n"
                        .getBytes(StandardCharsets.UTF_8),
                mebibyte);
        for (int i = 0; i < contents.size(); i++) {
            String host = hosts.get(7 + i);
            fleet.writeFile(host, "/etc/puppet/ronin_settings", contents.get(i), "644");
            OVERRIDES.put(host, contents.get(i));
        }
        mac = seedMac(fleet.macHost());

        batchHosts = new ArrayList<>(List.of(
                full.host(), bare, reportIso, reportRuby, summaryOpt, summaryVarLib, metadataExitCode, mac.host()));
        batchHosts.addAll(OVERRIDES.keySet());
        batchHosts.addAll(List.of(
                TestFleet.UNREACHABLE,
                TestFleet.BLACKHOLE,
                TestFleet.HANG,
                TestFleet.SLOW,
                TestFleet.NOSUDO,
                TestFleet.NOAUTH));
        batchHome = tmp.resolve("batch-home");
        // 5 s: enough for a healthy host's banner on a loaded machine, short for blackhole and hang
        List<String> args = new ArrayList<>(List.of("--json", "--connect-timeout", "5", "--timeout", "30"));
        args.addAll(batchHosts);
        batch = FleetrollRun.audit(batchHome, fleet.sshOptions(), args.toArray(String[]::new));
        results = new LinkedHashMap<>();
        for (JsonNode result : batch.json().path("results")) {
            results.put(result.path("host").asText(), result);
        }
    }

    private static Seeded seedFull(String host) throws Exception {
        byte[] override = "PUPPET_REPO='https://github.com/example/ronin_puppet.git'\nPUPPET_BRANCH='fix-1'\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] vault = ("secret_token: " + SECRET + "\n").getBytes(StandardCharsets.UTF_8);
        String metadata = metadata("2026-11-20T10:00:00Z", override, vault);
        fleet.writeFile(host, "/etc/puppet_role", "gecko_t_linux_talos\n", "644");
        fleet.writeFile(host, "/etc/puppet/ronin_settings", override, "644");
        fleet.writeFile(host, "/root/vault.yaml", vault, "640");
        fleet.writeFile(host, "/etc/puppet/last_run_metadata.json", metadata, "644");
        // a report too: the wrapper's metadata is the ground truth and wins over it
        fleet.writeFile(
                host, STATE + "/last_run_report.yaml", "time: '2020-01-01T00:00:00+00:00'\nstatus: failed\n", "644");
        check(fleet.exec(host, "chown", "fleet:root", "/etc/puppet/ronin_settings"));
        check(fleet.exec(host, "chown", "root:fleet", "/root/vault.yaml"));
        check(fleet.exec(host, "touch", "-m", "-d", "@" + MTIME, "/etc/puppet/ronin_settings", "/root/vault.yaml"));
        return new Seeded(host, override, vault, metadata);
    }

    private static Seeded seedMac(String host) throws Exception {
        byte[] override = "PUPPET_BRANCH='mac-branch'\nWORKER_TYPE_OVERRIDE='gecko-t-osx-1500-m4-staging'\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] vault = ("mac_secret: " + SECRET + "\n").getBytes(StandardCharsets.UTF_8);
        String metadata = metadata("2026-11-22T08:00:00Z", override, vault);
        fleet.writeFile(host, "/opt/puppet_environments/ronin_settings", override, "644");
        fleet.writeFile(host, "/var/root/vault.yaml", vault, "600");
        fleet.writeFile(host, "/opt/puppet_environments/last_run_metadata.json", metadata, "644");
        // Linux paths on a Mac are not where the Mac keeps them: never reported
        fleet.writeFile(host, "/etc/puppet/ronin_settings", "DECOY=linux-path\n", "644");
        fleet.delete(host, "/root/vault.yaml", "/etc/puppet/last_run_metadata.json");
        check(fleet.exec(
                host,
                "touch",
                "-m",
                "-d",
                "@" + MTIME,
                "/opt/puppet_environments/ronin_settings",
                "/var/root/vault.yaml"));
        return new Seeded(host, override, vault, metadata);
    }

    private static String metadata(String ts, byte[] override, byte[] vault) throws NoSuchAlgorithmException {
        return "{\"schema_version\": 1, \"ts\": \"" + ts + "\", \"duration_s\": 95, \"success\": true,"
                + " \"exit_code\": 2, \"role\": \"gecko_t_linux_talos\","
                + " \"git_repo\": \"https://github.com/example/ronin_puppet.git\", \"git_branch\": \"fix-1\","
                + " \"git_sha\": \"0123456789abcdef0123456789abcdef01234567\", \"git_dirty\": false,"
                + " \"vault_path\": \"/root/vault.yaml\", \"vault_sha\": \"" + sha256(vault) + "\","
                + " \"override_path\": \"/etc/puppet/ronin_settings\", \"override_sha\": \"" + sha256(override)
                + "\"}";
    }

    private static String summary(long lastRun, int failures) {
        return "---\nversion:\n  config: 1795000000\n  puppet: 7.34.0\nresources:\n  failed: " + failures
                + "\n  total: 12\ntime:\n  config_retrieval: 1.5\n  last_run: " + lastRun
                + "\nchanges:\n  total: 1\nevents:\n  failure: " + failures + "\n  success: 1\n  total: "
                + (failures + 1) + "\n";
    }

    // ------------------------------------------------------------------ every probe field, Linux

    @Test
    void batchRunReportsEveryHostOnceAndExitsOne() {
        assertThat(batch.exitCode()).as(batch.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(results.keySet()).containsExactlyElementsOf(batchHosts);
        JsonNode json = batch.json();
        assertThat(json.path("total").asInt()).isEqualTo(batchHosts.size());
        assertThat(json.path("failed").asInt()).isEqualTo(5); // every special host but slow
        assertThat(json.path("successful").asInt()).isEqualTo(batchHosts.size() - 5);
    }

    @Test
    void jsonHasTheIssuesShapeAndFieldNames() {
        assertThat(fieldNames(batch.json())).containsExactly("failed", "results", "successful", "total");
        Set<String> resultFields =
                Set.of("ts", "actor", "action", "host", "ok", "ssh_rc", "stderr", "error", "observed");
        Set<String> observedFields = Set.of(
                "os_type",
                "role_present",
                "role",
                "override_present",
                "override_meta",
                "override_sha256",
                "vault_present",
                "vault_meta",
                "vault_sha256",
                "uptime_s",
                "puppet_last_run_epoch",
                "puppet_success",
                "puppet_git_sha",
                "puppet_git_branch",
                "puppet_override_sha_applied",
                "puppet_vault_sha_applied");
        for (JsonNode result : results.values()) {
            assertThat(fieldNames(result)).containsExactlyInAnyOrderElementsOf(resultFields);
            assertThat(result.path("action").asText()).isEqualTo("host.audit");
            assertThat(result.path("actor").asText()).isEqualTo(FleetrollRun.ACTOR);
            Observation.parseTimestamp(result.path("ts").asText()); // an ISO time
        }
        JsonNode observed = results.get(full.host()).path("observed");
        assertThat(fieldNames(observed)).containsExactlyInAnyOrderElementsOf(observedFields);
        for (String meta : List.of("override_meta", "vault_meta")) {
            assertThat(fieldNames(observed.path(meta)))
                    .containsExactlyInAnyOrder("mode", "owner", "group", "size", "mtime_epoch");
        }
    }

    @Test
    void fullHostReportsEveryField() throws Exception {
        JsonNode r = results.get(full.host());
        assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.path("ssh_rc").asInt()).isZero();
        assertThat(r.path("error").isNull()).isTrue();
        JsonNode o = r.path("observed");
        assertThat(o.path("os_type").asText()).isEqualTo("Linux");
        assertThat(o.path("role_present").asBoolean()).isTrue();
        assertThat(o.path("role").asText()).isEqualTo("gecko_t_linux_talos");
        assertThat(o.path("override_present").asBoolean()).isTrue();
        assertMeta(o.path("override_meta"), "644", "fleet", "root", full.override().length);
        assertThat(o.path("override_sha256").asText())
                .isEqualTo(sha256(full.override()))
                .isEqualTo(sha256sumOnHost(full.host(), "/etc/puppet/ronin_settings"));
        assertThat(o.path("vault_present").asBoolean()).isTrue();
        assertMeta(o.path("vault_meta"), "640", "root", "fleet", full.vault().length);
        assertThat(o.path("vault_sha256").asText())
                .isEqualTo(sha256(full.vault()))
                .isEqualTo(sha256sumOnHost(full.host(), "/root/vault.yaml"));
        assertUptimeOf(full.host(), o);
        assertThat(o.path("puppet_last_run_epoch").asLong())
                .isEqualTo(Instant.parse("2026-11-20T10:00:00Z").getEpochSecond());
        assertThat(o.path("puppet_success").asBoolean()).isTrue();
        assertThat(o.path("puppet_git_sha").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(o.path("puppet_git_branch").asText()).isEqualTo("fix-1");
        assertThat(o.path("puppet_override_sha_applied").asText()).isEqualTo(sha256(full.override()));
        assertThat(o.path("puppet_vault_sha_applied").asText()).isEqualTo(sha256(full.vault()));
    }

    @Test
    void bareHostReportsAbsenceAsAbsenceNotAsFailure() {
        JsonNode r = results.get(bare);
        assertThat(r.path("ok").asBoolean()).isTrue();
        JsonNode o = r.path("observed");
        assertThat(o.path("role_present").asBoolean()).isFalse();
        assertThat(o.path("role").isNull()).isTrue();
        assertThat(o.path("override_present").asBoolean()).isFalse();
        assertThat(o.path("override_meta").isNull()).isTrue();
        assertThat(o.path("override_sha256").isNull()).isTrue();
        assertThat(o.path("vault_present").asBoolean()).isFalse();
        assertThat(o.path("vault_sha256").isNull()).isTrue();
        assertThat(o.path("puppet_last_run_epoch").isNull()).isTrue();
        assertThat(o.path("puppet_success").isNull()).isTrue();
        assertThat(o.path("puppet_git_sha").isNull()).isTrue();
    }

    @Test
    void defaultRoleOfAFleetHostIsRead() {
        // reportIso keeps the role fleetlab gave it: role_a/b/c by host number
        int k = Integer.parseInt(reportIso.substring("host".length()));
        assertThat(results.get(reportIso).path("observed").path("role").asText())
                .isEqualTo(List.of("role_a", "role_b", "role_c").get((k - 1) % 3));
    }

    @Test
    void puppetReportWithIsoTimeAndChangedStatusIsASuccess() {
        JsonNode o = results.get(reportIso).path("observed");
        assertThat(o.path("puppet_last_run_epoch").asLong())
                .isEqualTo(Instant.parse("2026-11-20T09:30:15Z").getEpochSecond());
        assertThat(o.path("puppet_success").asBoolean()).isTrue();
        assertThat(o.path("puppet_git_sha").isNull()).isTrue();
    }

    @Test
    void puppetReportWithRubyTimeAndFailedStatusIsAFailure() {
        JsonNode o = results.get(reportRuby).path("observed");
        assertThat(o.path("puppet_last_run_epoch").asLong())
                .isEqualTo(Instant.parse("2026-11-19T07:30:00Z").getEpochSecond());
        assertThat(o.path("puppet_success").asBoolean()).isFalse();
    }

    @Test
    void puppetSummaryUnderOptWithoutFailuresIsASuccess() {
        JsonNode o = results.get(summaryOpt).path("observed");
        assertThat(o.path("puppet_last_run_epoch").asLong()).isEqualTo(1_795_000_000L);
        assertThat(o.path("puppet_success").asBoolean()).isTrue();
    }

    @Test
    void puppetSummaryUnderVarLibWithFailuresIsAFailure() {
        JsonNode o = results.get(summaryVarLib).path("observed");
        assertThat(o.path("puppet_last_run_epoch").asLong()).isEqualTo(1_795_000_100L);
        assertThat(o.path("puppet_success").asBoolean()).isFalse();
    }

    @Test
    void runMetadataWithOnlyAnExitCodeTakesDetailedExitCodes() {
        JsonNode o = results.get(metadataExitCode).path("observed");
        assertThat(o.path("puppet_last_run_epoch").asLong())
                .isEqualTo(Instant.parse("2026-11-21T12:00:00Z").getEpochSecond());
        assertThat(o.path("puppet_success").asBoolean())
                .as("exit code 2: changes applied")
                .isTrue();
    }

    // ------------------------------------------------------------------ override bytes

    @Test
    void overrideContentsArriveByteExact() throws Exception {
        for (Map.Entry<String, byte[]> e : OVERRIDES.entrySet()) {
            String host = e.getKey();
            byte[] expected = e.getValue();
            JsonNode o = results.get(host).path("observed");
            String sha = o.path("override_sha256").asText();
            assertThat(sha)
                    .as(host)
                    .isEqualTo(sha256(expected))
                    .isEqualTo(sha256sumOnHost(host, "/etc/puppet/ronin_settings"));
            assertThat(o.path("override_meta").path("size").asLong()).as(host).isEqualTo(expected.length);
            Path stored = batchHome.resolve("overrides").resolve(sha.substring(0, 12));
            assertThat(Files.readAllBytes(stored)).as(host).isEqualTo(expected);
        }
    }

    @Test
    void mebibyteOverrideIsStoredWhole() throws Exception {
        byte[] mebibyte = OVERRIDES.values().stream()
                .filter(b -> b.length == 1024 * 1024)
                .findFirst()
                .orElseThrow();
        Path stored = batchHome.resolve("overrides").resolve(sha256(mebibyte).substring(0, 12));
        assertThat(Files.size(stored)).isEqualTo(1024 * 1024);
    }

    // ------------------------------------------------------------------ macOS

    @Test
    void macHostIsProbedAtMacPaths() throws Exception {
        JsonNode r = results.get(mac.host());
        assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
        JsonNode o = r.path("observed");
        assertThat(o.path("os_type").asText()).isEqualTo("Darwin");
        assertThat(o.path("role").asText()).isEqualTo("gecko_t_osx_1500_m4");
        assertMeta(o.path("override_meta"), "644", "root", "wheel", mac.override().length);
        assertThat(o.path("override_sha256").asText())
                .isEqualTo(sha256(mac.override()))
                .isEqualTo(sha256sumOnHost(mac.host(), "/opt/puppet_environments/ronin_settings"));
        assertMeta(o.path("vault_meta"), "600", "root", "wheel", mac.vault().length);
        assertThat(o.path("vault_sha256").asText()).isEqualTo(sha256(mac.vault()));
        assertThat(o.path("puppet_last_run_epoch").asLong())
                .isEqualTo(Instant.parse("2026-11-22T08:00:00Z").getEpochSecond());
        assertThat(o.path("puppet_override_sha_applied").asText()).isEqualTo(sha256(mac.override()));
        assertThat(Files.readAllBytes(batchHome
                        .resolve("overrides")
                        .resolve(sha256(mac.override()).substring(0, 12))))
                .isEqualTo(mac.override());
    }

    @Test
    void macUptimeComesFromKernBoottime() {
        assertUptimeOf(mac.host(), results.get(mac.host()).path("observed"));
    }

    // ------------------------------------------------------------------ failure hosts

    @Test
    void eachFailureHostGetsItsKindOfError() {
        Map<String, String> expected = Map.of(
                TestFleet.UNREACHABLE, "connection_refused",
                TestFleet.BLACKHOLE, "timed_out",
                TestFleet.HANG, "timed_out",
                TestFleet.NOSUDO, "sudo_denied",
                TestFleet.NOAUTH, "auth_rejected");
        expected.forEach((host, error) -> {
            JsonNode r = results.get(host);
            assertThat(r.path("ok").asBoolean()).as(host).isFalse();
            assertThat(r.path("error").asText()).as(host + ": " + r).isEqualTo(error);
            assertThat(r.path("observed").isNull()).as(host).isTrue();
        });
        assertThat(results.get(TestFleet.UNREACHABLE).path("stderr").asText()).contains("Connection refused");
        assertThat(results.get(TestFleet.NOAUTH).path("ssh_rc").asInt()).isEqualTo(255);
    }

    @Test
    void sudoFailureIsNeverReportedAsNoOverride() {
        JsonNode r = results.get(TestFleet.NOSUDO);
        assertThat(r.path("error").asText()).isEqualTo("sudo_denied");
        assertThat(r.path("observed").isNull())
                .as("no observed state, so no \"override absent\"")
                .isTrue();
        assertThat(r.path("stderr").asText()).contains("sudo");
    }

    @Test
    void slowHostSucceedsWithinAGenerousTimeout() {
        JsonNode r = results.get(TestFleet.SLOW);
        assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.path("observed").path("role").asText()).isEqualTo("role_a");
    }

    @Test
    void slowHostTimesOutWithAShortTimeout() {
        Instant start = Instant.now();
        FleetrollRun run = FleetrollRun.audit(
                tmp.resolve("slow-home"), fleet.sshOptions(), "--json", "--timeout", "1", TestFleet.SLOW);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(TestFleet.SLOW_SECONDS));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(run.json().path("error").asText()).isEqualTo("timed_out");
    }

    // ------------------------------------------------------------------ store

    @Test
    void everyAttemptIsStoredAsAnObservation() {
        try (LocalState state = LocalState.open(new FleetrollHome(batchHome))) {
            Map<String, Observation> latest = state.observations().latest(batchHosts);
            assertThat(latest.keySet()).containsExactlyInAnyOrderElementsOf(batchHosts);
            assertThat(latest.get(TestFleet.NOSUDO).error()).isEqualTo("sudo_denied");
            assertThat(state.observations().latestSuccessful(List.of(TestFleet.NOSUDO)))
                    .isEmpty();
            assertThat(latest.get(full.host()).observed().overrideSha256())
                    .isEqualTo(results.get(full.host())
                            .path("observed")
                            .path("override_sha256")
                            .asText());
        }
    }

    @Test
    void vaultIsStored0600InA0700Directory() throws Exception {
        Path vaults = batchHome.resolve("vault_yamls");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(batchHome)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vaults)))
                .isEqualTo("rwx------");
        Path stored = vaults.resolve(sha256(full.vault()).substring(0, 12));
        assertThat(stored).hasBinaryContent(full.vault());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)))
                .isEqualTo("rw-------");
        assertThat(vaults.resolve(sha256(mac.vault()).substring(0, 12))).hasBinaryContent(mac.vault());
    }

    @Test
    void vaultContentsAreNeverPrinted() {
        assertThat(batch.out()).doesNotContain(SECRET);
        assertThat(batch.err()).doesNotContain(SECRET);
        FleetrollRun text = FleetrollRun.audit(tmp.resolve("text-home"), fleet.sshOptions(), full.host(), mac.host());
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("PUPPET_BRANCH='fix-1'").doesNotContain(SECRET);
        assertThat(text.err()).doesNotContain(SECRET);
        FleetrollRun one = FleetrollRun.audit(tmp.resolve("text-home"), fleet.sshOptions(), full.host());
        assertThat(one.out()).contains("gecko_t_linux_talos").doesNotContain(SECRET);
    }

    @Test
    void secondAuditDoesNotFetchAKnownVaultAgain() throws Exception {
        String host = fleet.allocate(1).get(0);
        byte[] big = new byte[192 * 1024];
        new Random(7).nextBytes(big);
        byte[] vault = ("blob: " + Base64.getEncoder().encodeToString(big) + "\n").getBytes(StandardCharsets.US_ASCII);
        fleet.writeFile(host, "/root/vault.yaml", vault, "600");
        Path home = tmp.resolve("vault-home");
        long first = receivedBytes(home, host, tmp.resolve("vault-1.log"));
        long second = receivedBytes(home, host, tmp.resolve("vault-2.log"));
        assertThat(first - second)
                .as("bytes received: %d, then %d", first, second)
                .isGreaterThanOrEqualTo(vault.length);
        try (Stream<Path> stored = Files.list(home.resolve("vault_yamls"))) {
            assertThat(stored.toList())
                    .containsExactly(
                            home.resolve("vault_yamls").resolve(sha256(vault).substring(0, 12)));
        }
    }

    /** Audits {@code host} with ssh -v logging to {@code log}; returns what ssh says it received. */
    private static long receivedBytes(Path home, String host, Path log) throws IOException {
        List<String> ssh = new ArrayList<>(fleet.sshOptions());
        ssh.addAll(List.of("-v", "-E", log.toString()));
        FleetrollRun run = FleetrollRun.audit(home, ssh, "--json", host);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher m =
                Pattern.compile("Transferred: sent \\d+, received (\\d+) bytes").matcher(Files.readString(log));
        assertThat(m.find()).as("ssh -v log of " + host).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void twoAuditsOfOneHostInTheSameInstantAreBothStored() {
        String host = fleet.allocate(1).get(0);
        Path home = tmp.resolve("same-second-home");
        Clock frozen = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        FleetrollRun a = FleetrollRun.audit(home, frozen, fleet.sshOptions(), "--json", host);
        FleetrollRun b = FleetrollRun.audit(home, frozen, fleet.sshOptions(), "--json", host);
        assertThat(a.exitCode()).as(a.toString()).isZero();
        assertThat(b.exitCode()).as(b.toString()).isZero();
        try (LocalState state = LocalState.open(new FleetrollHome(home))) {
            List<Observation> history = state.observations().history(host, 10);
            assertThat(history).hasSize(2);
            assertThat(history.get(0).ts()).isNotEqualTo(history.get(1).ts());
        }
    }

    // ------------------------------------------------------------------ input and exit codes

    @ParameterizedTest
    @ValueSource(strings = {"-oProxyCommand=touch %s", "$(touch %s)", "host;touch %s"})
    void injectionLineInAListFileRunsNothing(String template) throws IOException {
        String host = fleet.allocate(1).get(0);
        Path marker = tmp.resolve("injected-" + UUID.randomUUID());
        String line = template.formatted(marker);
        Path list = Files.writeString(tmp.resolve("inject-" + UUID.randomUUID() + ".list"), host + "\n" + line + "\n");
        Path home = tmp.resolve("inject-home-" + UUID.randomUUID());
        int loginsBefore = logins(host);

        FleetrollRun run = FleetrollRun.audit(home, fleet.sshOptions(), list.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("fleetroll: " + list.getFileName() + ":2: not a host name or address: \"" + line + "\"\n");
        assertThat(run.out()).isEmpty();
        assertThat(marker).doesNotExist();
        assertThat(home.resolve("fleetroll.db")).as("nothing stored").doesNotExist();
        assertThat(logins(host)).as("ssh logins on " + host).isEqualTo(loginsBefore);
    }

    @Test
    void injectionInAHostArgumentRunsNothing() {
        Path marker = tmp.resolve("injected-" + UUID.randomUUID());
        FleetrollRun run =
                FleetrollRun.audit(tmp.resolve("inject-arg-home"), fleet.sshOptions(), "host1;touch " + marker);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(marker).doesNotExist();
    }

    @Test
    void unknownOptionExitsTwo() {
        FleetrollRun run =
                FleetrollRun.audit(tmp.resolve("bad-option-home"), fleet.sshOptions(), "--no-such-option", "host1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void oneHostAuditedExitsZeroWithOneJsonObject() {
        String host = fleet.allocate(1).get(0);
        FleetrollRun run = FleetrollRun.audit(tmp.resolve("one-home"), fleet.sshOptions(), "--json", host);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = run.json();
        assertThat(json.path("host").asText()).isEqualTo(host);
        assertThat(json.path("ok").asBoolean()).isTrue();
        assertThat(json.has("results")).isFalse();
    }

    @Test
    void debugHostScriptWrapRunsAsPrintedAgainstARealHost() throws Exception {
        String host = fleet.allocate(1).get(0);
        fleet.writeFile(host, "/etc/puppet/ronin_settings", "PUPPET_BRANCH=wrapped\n", "644");
        FleetrollRun printed = FleetrollRun.run(
                tmp.resolve("wrap-home"),
                Clock.systemUTC(),
                List.of("debug-host-script", "--wrap", "--ssh-option", String.join(" ", fleet.sshOptions()), host));
        assertThat(printed.exitCode()).as(printed.toString()).isZero();
        Path script = Files.writeString(tmp.resolve("probe-" + host + ".sh"), printed.out());

        Process sh = new ProcessBuilder("sh", script.toString())
                .redirectErrorStream(true)
                .start();
        String answer = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).as(answer).isZero();
        assertThat(answer)
                .startsWith("FLEETROLL_PROBE 1\n")
                .contains("\nOS=Linux\n")
                .endsWith("__OVR_CONTENT__\nPUPPET_BRANCH=wrapped\n");
    }

    // ------------------------------------------------------------------ deadlines and fan-out

    @Test
    void batchTimeoutAccountsForEveryHost() {
        List<String> healthy = fleet.allocate(4);
        List<String> hosts = new ArrayList<>(healthy);
        hosts.addAll(List.of(TestFleet.HANG, TestFleet.BLACKHOLE));
        // 5 s: the healthy hosts finish on a loaded machine too; hang and blackhole never do
        List<String> args = new ArrayList<>(List.of("--json", "--connect-timeout", "30", "--batch-timeout", "5"));
        args.addAll(hosts);
        Instant start = Instant.now();
        FleetrollRun run =
                FleetrollRun.audit(tmp.resolve("batch-timeout-home"), fleet.sshOptions(), args.toArray(String[]::new));
        Duration took = Duration.between(start, Instant.now());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(took).isLessThan(Duration.ofSeconds(20)); // not the 30 s connect timeout
        JsonNode json = run.json();
        assertThat(json.path("total").asInt()).isEqualTo(hosts.size());
        Map<String, JsonNode> byHost = new LinkedHashMap<>();
        json.path("results").forEach(r -> byHost.put(r.path("host").asText(), r));
        assertThat(byHost.keySet()).containsExactlyElementsOf(hosts);
        healthy.forEach(
                h -> assertThat(byHost.get(h).path("ok").asBoolean()).as(h).isTrue());
        for (String stuck : List.of(TestFleet.HANG, TestFleet.BLACKHOLE)) {
            assertThat(byHost.get(stuck).path("error").asText()).as(stuck).isEqualTo("cancelled");
        }
    }

    @Test
    void batchTimeoutCancelsHostsStillWaitingForAWorker() {
        // hang and blackhole take both workers and keep them: the rest wait until the deadline
        List<String> hosts = new ArrayList<>(List.of(TestFleet.HANG, TestFleet.BLACKHOLE));
        hosts.addAll(fleet.allocate(3));
        List<String> args =
                new ArrayList<>(List.of("--json", "--workers", "2", "--connect-timeout", "30", "--batch-timeout", "2"));
        args.addAll(hosts);
        FleetrollRun run = FleetrollRun.audit(
                tmp.resolve("batch-timeout-queued-home"), fleet.sshOptions(), args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        List<String> reported = new ArrayList<>();
        List<String> neverStarted = new ArrayList<>();
        run.json().path("results").forEach(r -> {
            String host = r.path("host").asText();
            reported.add(host);
            assertThat(r.path("ok").asBoolean() || r.path("error").asText().equals("cancelled"))
                    .as(r.toString())
                    .isTrue();
            if (r.path("ssh_rc").isNull()) {
                neverStarted.add(host);
            }
        });
        assertThat(reported).containsExactlyElementsOf(hosts);
        assertThat(neverStarted).as("hosts cancelled while queued").isNotEmpty();
        try (LocalState state = LocalState.open(new FleetrollHome(tmp.resolve("batch-timeout-queued-home")))) {
            assertThat(state.observations().latest(hosts).keySet()).containsExactlyInAnyOrderElementsOf(hosts);
        }
    }

    @Test
    void twoHundredWorkersLoseNoHealthyHost() {
        List<String> hosts = fleet.allocate(60);
        List<String> args = new ArrayList<>(List.of("--json", "-q", "--workers", "200"));
        args.addAll(hosts);
        FleetrollRun run =
                FleetrollRun.audit(tmp.resolve("workers-home"), fleet.sshOptions(), args.toArray(String[]::new));
        JsonNode json = run.json();
        List<String> failed = new ArrayList<>();
        json.path("results").forEach(r -> {
            if (!r.path("ok").asBoolean()) {
                failed.add(r.path("host").asText() + ": " + r.path("error").asText() + " "
                        + r.path("stderr").asText());
            }
        });
        assertThat(failed).isEmpty();
        assertThat(json.path("successful").asInt()).isEqualTo(hosts.size());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    }

    /**
     * Ctrl-C: SIGINT to fleetroll alone (kill -INT), or to its whole process group as a terminal
     * sends it, so that the ssh processes get it too.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void ctrlCReportsEveryHostAndLeavesNoSshBehind(boolean wholeProcessGroup) throws Exception {
        Path jar = Path.of(System.getProperty("fleetroll.jar", "target/fleetroll.jar"));
        assertThat(jar)
                .as("the shaded jar (the ITs run after `package`: mvn verify)")
                .isRegularFile();
        String run = "ctrl-c-" + UUID.randomUUID();
        // A private copy of ssh_config: its path is in the argv of every ssh this run starts.
        Path config = Files.copy(fleet.sshConfig(), tmp.resolve(run + ".ssh_config"));
        Path home = tmp.resolve(run + "-home");
        List<String> healthy = fleet.allocate(3);
        List<String> stuck = List.of(TestFleet.HANG, TestFleet.BLACKHOLE);
        List<String> hosts = new ArrayList<>(healthy);
        hosts.addAll(stuck);
        hosts.add(TestFleet.SLOW); // in a session when the signal comes, unless the machine is slow
        List<String> argv = new ArrayList<>(List.of(
                // own process group (setsid) to signal as a terminal would; SIGINT not ignored,
                // whatever this JVM was started with (perl, as sh cannot reset an ignored signal)
                "setsid",
                "perl",
                "-e",
                "$SIG{INT} = 'DEFAULT'; exec @ARGV or die",
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                jar.toString(),
                "host-audit",
                "--json",
                "--ssh-option",
                "-F " + config,
                "--connect-timeout",
                "60"));
        argv.addAll(hosts);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectOutput(tmp.resolve(run + ".out").toFile())
                .redirectError(tmp.resolve(run + ".err").toFile());
        builder.environment().put("FLEETROLL_HOME", home.toString());
        Process fleetroll = builder.start();
        try {
            // Interrupt once the healthy hosts are stored and the stuck hosts' ssh still run.
            Set<ProcessHandle> seen = new java.util.HashSet<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (true) {
                assertThat(Instant.now())
                        .as("waiting for the healthy hosts to finish")
                        .isBefore(deadline);
                assertThat(fleetroll.isAlive()).as("fleetroll exited early").isTrue();
                List<ProcessHandle> ssh = sshProcesses(config);
                seen.addAll(ssh);
                Set<String> running = new TreeSet<>();
                ssh.forEach(h -> running.add(destination(h)));
                if (running.containsAll(stuck) && stored(home, healthy)) {
                    break;
                }
                Thread.sleep(200);
            }
            String target = wholeProcessGroup ? "-" + fleetroll.pid() : String.valueOf(fleetroll.pid());
            assertThat(new ProcessBuilder("kill", "-INT", "--", target)
                            .inheritIO()
                            .start()
                            .waitFor())
                    .isZero();
            assertThat(fleetroll.waitFor(20, java.util.concurrent.TimeUnit.SECONDS))
                    .as("fleetroll exits after Ctrl-C")
                    .isTrue();

            String out = Files.readString(tmp.resolve(run + ".out"));
            String err = Files.readString(tmp.resolve(run + ".err"));
            assertThat(fleetroll.exitValue()).as(out + err).isEqualTo(ExitCodes.INTERRUPTED);
            JsonNode json = new FleetrollRun(0, out, err).json();
            Map<String, JsonNode> byHost = new LinkedHashMap<>();
            json.path("results").forEach(r -> byHost.put(r.path("host").asText(), r));
            assertThat(byHost.keySet()).containsExactlyElementsOf(hosts);
            healthy.forEach(
                    h -> assertThat(byHost.get(h).path("ok").asBoolean()).as(h).isTrue());
            stuck.forEach(h -> assertThat(byHost.get(h).path("error").asText())
                    .as(h + ": " + byHost.get(h))
                    .isEqualTo("cancelled"));
            JsonNode slow = byHost.get(TestFleet.SLOW);
            assertThat(slow.path("ok").asBoolean()
                            || slow.path("error").asText().equals("cancelled"))
                    .as(slow.toString())
                    .isTrue();
            assertThat(seen).isNotEmpty().noneMatch(ProcessHandle::isAlive);
            assertThat(sshProcesses(config)).isEmpty();
            try (LocalState state = LocalState.open(new FleetrollHome(home))) {
                assertThat(state.observations().latest(hosts).keySet())
                        .as("stored")
                        .containsExactlyInAnyOrderElementsOf(hosts);
            }
        } finally {
            fleetroll.descendants().forEach(ProcessHandle::destroyForcibly);
            fleetroll.destroyForcibly();
        }
    }

    /** Whether every one of {@code hosts} has an observation in {@code home}'s store yet. */
    private static boolean stored(Path home, List<String> hosts) {
        if (!Files.exists(home.resolve("fleetroll.db"))) {
            return false;
        }
        try (LocalState state = LocalState.open(new FleetrollHome(home))) {
            return state.observations().latest(hosts).size() == hosts.size();
        }
    }

    /** Every process on the machine whose argv names {@code config}: the ssh of one run. */
    private static List<ProcessHandle> sshProcesses(Path config) {
        String marker = config.toString();
        return ProcessHandle.allProcesses()
                .filter(h -> h.info()
                        .arguments()
                        .map(a -> List.of(a).stream().anyMatch(w -> w.contains(marker)))
                        .orElse(false))
                .filter(h -> h.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
                .toList();
    }

    /** ssh ... -- DESTINATION COMMAND: the word after "--". */
    private static String destination(ProcessHandle ssh) {
        List<String> args = List.of(ssh.info().arguments().orElse(new String[0]));
        int dashes = args.indexOf("--");
        return dashes >= 0 && dashes + 1 < args.size() ? args.get(dashes + 1) : "?";
    }

    // ------------------------------------------------------------------ helpers

    private static void assertMeta(JsonNode meta, String mode, String owner, String group, long size) {
        assertThat(meta.path("mode").asText()).isEqualTo(mode);
        assertThat(meta.path("owner").asText()).isEqualTo(owner);
        assertThat(meta.path("group").asText()).isEqualTo(group);
        assertThat(meta.path("size").asLong()).isEqualTo(size);
        assertThat(meta.path("mtime_epoch").asLong()).isEqualTo(MTIME);
    }

    /** uptime_s was read a few seconds ago: at most a minute less than the host's uptime now. */
    private static void assertUptimeOf(String host, JsonNode observed) {
        long now = Long.parseLong(check(fleet.exec(host, "cut", "-d.", "-f1", "/proc/uptime"))
                .stdout()
                .strip());
        assertThat(observed.path("uptime_s").asLong()).as(host).isBetween(now - 60, now);
    }

    private static String sha256sumOnHost(String host, String path) {
        // the real coreutils tool, also on the mac host where /usr/local/bin/sha256sum is a fake
        return check(fleet.exec(host, "/usr/bin/sha256sum", path)).stdout().split(" ")[0];
    }

    /** "Accepted publickey" lines in the host's sshd log: one per ssh login. */
    private static int logins(String host) {
        TestFleet.ExecResult r = fleet.exec(host, "sh", "-c", "grep -c 'Accepted publickey' /run/sshd.log || true");
        return Integer.parseInt(r.stdout().strip());
    }

    private static TestFleet.ExecResult check(TestFleet.ExecResult r) {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] bytes(String text, int... more) {
        byte[] head = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + more.length];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < more.length; i++) {
            all[head.length + i] = (byte) more[i];
        }
        return all;
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
