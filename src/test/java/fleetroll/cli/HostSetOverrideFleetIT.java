package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.config.FleetrollHome;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import fleetroll.store.Sha256;
import fleetroll.testfleet.TestFleet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** host-set-override and host-unset-override against real sshd hosts. */
class HostSetOverrideFleetIT {
    @TempDir
    Path tmp;

    FleetWrites w;
    TestFleet fleet;

    @BeforeEach
    void setUp() {
        w = new FleetWrites(tmp.resolve("home"));
        fleet = w.fleet;
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    private void puppetDir(String host) {
        FleetWrites.check(fleet.exec(host, "mkdir", "-p", "/etc/puppet"));
    }

    @Test
    void dryRunsChangeNothingOnAnyHost() throws Exception {
        List<String> hosts = fleet.allocate(2);
        fleet.writeFile(hosts.get(0), FleetWrites.OVERRIDE_PATH, FleetWrites.ronin("old"), "0644");
        puppetDir(hosts.get(1));
        assertThat(w.run("host-audit", hosts.get(0), hosts.get(1)).exitCode()).isZero();
        Map<String, String> before =
                Map.of(hosts.get(0), w.snapshot(hosts.get(0)), hosts.get(1), w.snapshot(hosts.get(1)));

        Path settings = file("ronin_settings", FleetWrites.ronin("new"));
        Path vault = file("vault.yaml", "token: dry-run-secret\n");
        CliRun set = w.run("host-set-override", "--from-file", settings.toString(), hosts.get(0), hosts.get(1));
        CliRun setForce =
                w.run("host-set-override", "--force", "--from-file", settings.toString(), hosts.get(0), hosts.get(1));
        CliRun unset = w.run("host-unset-override", hosts.get(0), hosts.get(1));
        CliRun setVault = w.run("host-set-vault", "--from-file", vault.toString(), hosts.get(0), hosts.get(1));

        for (CliRun run : List.of(set, setForce, unset, setVault)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("DRY RUN: nothing was sent to any host.");
        }
        String oldSha = Sha256.hex(FleetWrites.ronin("old").getBytes(StandardCharsets.UTF_8));
        assertThat(set.out())
                .contains("hold other contents, refused without --force (1):\n    " + hosts.get(0) + "  "
                        + oldSha.substring(0, 12))
                .contains("have no override (1):\n    " + hosts.get(1));
        assertThat(unset.out()).contains("with an override, to remove (1):\n    " + hosts.get(0));
        for (String host : hosts) {
            assertThat(w.snapshot(host)).as(host).isEqualTo(before.get(host));
        }
        assertThat(w.records()).isEmpty();
    }

    @Test
    void writesExactBytesWithModeOwnerAndARecordAndAuditsAgain() throws Exception {
        List<String> hosts = fleet.allocate(2);
        hosts.forEach(this::puppetDir);
        String text = FleetWrites.ronin("relops/canary");
        Path settings = file("ronin_settings", text);
        CliRun run = w.run(
                "host-set-override",
                "--confirm",
                "--reason",
                "bug 1234 canary",
                "--from-file",
                settings.toString(),
                hosts.get(0),
                hosts.get(1));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern(hosts.get(0) + " +changed").contains("2 changed");
        assertThat(run.err()).contains("audited the 2 changed hosts again");

        String sha = Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
        for (String host : hosts) {
            assertThat(fleet.readFile(host, FleetWrites.OVERRIDE_PATH)).hasValue(text.getBytes(StandardCharsets.UTF_8));
            assertThat(w.meta(host, FleetWrites.OVERRIDE_PATH)).isEqualTo("644 root root");
            assertThat(w.listing(host, "/etc/puppet")).containsExactly("ronin_settings");
            JsonNode record = w.record(host);
            assertThat(record.get("action").asText()).isEqualTo("host.set_override");
            assertThat(record.get("actor").asText()).isEqualTo("tester");
            assertThat(record.get("ok").asBoolean()).isTrue();
            assertThat(record.get("ssh_rc").asInt()).isZero();
            assertThat(record.at("/parameters/sha256").asText()).isEqualTo(sha);
            assertThat(record.at("/parameters/reason").asText()).isEqualTo("bug 1234 canary");
            assertThat(record.at("/parameters/group").asText()).isEqualTo("root");
            assertThat(record.at("/parameters/source").asText()).isEqualTo("file:" + settings);
            assertThat(record.at("/observed/content_changed").asBoolean()).isTrue();
            assertThat(record.at("/observed/backup_path").isNull()).isTrue();
        }
        // The new state is audited and stored, so the monitor shows it at once.
        try (LocalState state = LocalState.open(new FleetrollHome(w.home))) {
            Map<String, Observation> latest = state.observations().latestSuccessful(hosts);
            assertThat(latest.values())
                    .hasSize(2)
                    .allMatch(o -> sha.equals(o.observed().overrideSha256()));
        }
        CliRun show = CliRun.run(w.home, "show-override", sha.substring(0, 12));
        assertThat(show.stdoutBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void identicalContentsAreUnchangedButGetOwnerAndModeFixed() throws Exception {
        String host = fleet.allocate(1).get(0);
        String text = FleetWrites.ronin("same");
        fleet.writeFile(host, FleetWrites.OVERRIDE_PATH, text, "0600");
        FleetWrites.check(fleet.exec(host, "chown", "4242:4242", FleetWrites.OVERRIDE_PATH));
        CliRun run = w.run(
                "host-set-override",
                "--confirm",
                "--from-file",
                file("rs", text).toString(),
                host);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern(host + " +unchanged");
        assertThat(w.meta(host, FleetWrites.OVERRIDE_PATH)).isEqualTo("644 root root");
        assertThat(w.listing(host, "/etc/puppet")).containsExactly("ronin_settings");
        assertThat(w.record(host).at("/observed/content_changed").asBoolean()).isFalse();
        assertThat(w.record(host).get("ok").asBoolean()).isTrue();
    }

    @Test
    void otherContentsAreRefusedUnlessForceAndForceKeepsTheNewest30Backups() throws Exception {
        String host = fleet.allocate(1).get(0);
        String old = FleetWrites.ronin("old");
        fleet.writeFile(host, FleetWrites.OVERRIDE_PATH, old, "0644");
        // 31 older backups: after the forced write, 30 fleetroll backups remain, the oldest 2 gone.
        FleetWrites.check(fleet.exec(
                host,
                "sh",
                "-c",
                "for d in $(seq -w 1 31); do echo $d > /etc/puppet/ronin_settings.bak.202001${d}T000000Z; done;"
                        + " echo mine > /etc/puppet/ronin_settings.bak.manual"));
        Path settings = file("rs", FleetWrites.ronin("new"));

        CliRun refused = w.run("host-set-override", "--confirm", "--from-file", settings.toString(), host);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).containsPattern(host + " +refused").contains("--force replaces them");
        assertThat(fleet.readFile(host, FleetWrites.OVERRIDE_PATH)).hasValue(old.getBytes(StandardCharsets.UTF_8));
        JsonNode refusal = w.records().get(0);
        assertThat(refusal.get("ok").asBoolean()).isFalse();
        assertThat(refusal.get("stderr").asText()).contains("has other contents; not replaced without --force");
        assertThat(refusal.at("/observed/content_changed").asBoolean()).isFalse();

        CliRun forced = w.run("host-set-override", "--confirm", "--force", "--from-file", settings.toString(), host);
        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
        JsonNode record = w.records().get(1);
        String backup = record.at("/observed/backup_path").asText();
        assertThat(backup).matches("/etc/puppet/ronin_settings\\.bak\\.\\d{8}T\\d{6}Z");
        assertThat(fleet.readFile(host, backup)).hasValue(old.getBytes(StandardCharsets.UTF_8));
        assertThat(fleet.readFile(host, FleetWrites.OVERRIDE_PATH))
                .hasValue(FleetWrites.ronin("new").getBytes(StandardCharsets.UTF_8));
        List<String> names = w.listing(host, "/etc/puppet");
        assertThat(names.stream().filter(n -> n.matches("ronin_settings\\.bak\\.\\d{8}T\\d{6}Z")))
                .hasSize(30);
        assertThat(names)
                .contains("ronin_settings.bak.manual")
                .doesNotContain("ronin_settings.bak.20200101T000000Z", "ronin_settings.bak.20200102T000000Z");
    }

    @Test
    void binaryAndOneMebibyteContentsArriveByteForByte() throws Exception {
        String host = fleet.allocate(1).get(0);
        puppetDir(host);
        byte[] bytes = new byte[1024 * 1024];
        new Random(5).nextBytes(bytes);
        Path file = Files.write(tmp.resolve("binary"), bytes);
        CliRun run = w.run("host-set-override", "--confirm", "--no-validate", "--from-file", file.toString(), host);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(fleet.readFile(host, FleetWrites.OVERRIDE_PATH)).hasValue(bytes);
        String onHost = FleetWrites.check(fleet.exec(host, "/usr/bin/sha256sum", FleetWrites.OVERRIDE_PATH));
        assertThat(onHost).startsWith(Sha256.hex(bytes));
    }

    @Test
    void unsetMovesTheFileToABackupAndAHostWithoutOneIsAbsent() throws Exception {
        List<String> hosts = fleet.allocate(3);
        String old = FleetWrites.ronin("old");
        fleet.writeFile(hosts.get(0), FleetWrites.OVERRIDE_PATH, old, "0644");
        puppetDir(hosts.get(1)); // hosts.get(2) has no /etc/puppet at all
        CliRun run =
                w.run("host-unset-override", "--confirm", "--reason", "done", hosts.get(0), hosts.get(1), hosts.get(2));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .containsPattern(hosts.get(0) + " +removed")
                .containsPattern(hosts.get(1) + " +absent")
                .contains("1 removed, 2 absent");
        assertThat(fleet.readFile(hosts.get(0), FleetWrites.OVERRIDE_PATH)).isEmpty();
        JsonNode removed = w.record(hosts.get(0));
        assertThat(removed.get("action").asText()).isEqualTo("host.unset_override");
        assertThat(removed.at("/observed/removed").asBoolean()).isTrue();
        assertThat(removed.at("/parameters/reason").asText()).isEqualTo("done");
        assertThat(fleet.readFile(
                        hosts.get(0), removed.at("/observed/backup_path").asText()))
                .hasValue(old.getBytes(StandardCharsets.UTF_8));
        JsonNode absent = w.record(hosts.get(1));
        assertThat(absent.get("ok").asBoolean()).isTrue();
        assertThat(absent.at("/observed/removed").asBoolean()).isFalse();
        assertThat(absent.at("/observed/backup_path").isNull()).isTrue();
    }

    @Test
    void failingHostsAreReportedWithTheirReasonAndTheBatchCompletes() throws Exception {
        String host = fleet.allocate(1).get(0);
        puppetDir(host);
        Path settings = file("rs", FleetWrites.ronin("batch"));
        CliRun run = w.run(
                "host-set-override",
                "--confirm",
                "--from-file",
                settings.toString(),
                TestFleet.NOSUDO,
                TestFleet.UNREACHABLE,
                TestFleet.HANG,
                TestFleet.NOAUTH,
                host);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern(TestFleet.NOSUDO + " +failed +sudo_denied: sudo: a password is required")
                .containsPattern(TestFleet.UNREACHABLE + " +failed +connection_refused: .*Connection refused")
                .containsPattern(TestFleet.HANG + " +failed +timed_out: ")
                .containsPattern(TestFleet.NOAUTH + " +failed +auth_rejected: .*Permission denied")
                .containsPattern(host + " +changed")
                .contains("1 changed, 4 failed");
        assertThat(w.records()).hasSize(5);
        assertThat(w.record(TestFleet.NOSUDO).get("stderr").asText()).contains("sudo: a password is required");
        assertThat(w.record(TestFleet.UNREACHABLE).get("ssh_rc").asInt()).isEqualTo(255);
        assertThat(fleet.readFile(host, FleetWrites.OVERRIDE_PATH)).isPresent();
    }

    @Test
    void aMacHostGetsTheMacPathAndGroupWheel() throws Exception {
        String mac = fleet.macHost();
        String path = "/opt/puppet_environments/ronin_settings";
        fleet.delete(mac, path);
        try {
            String text = FleetWrites.ronin("mac-canary");
            CliRun set = w.run(
                    "host-set-override",
                    "--confirm",
                    "--from-file",
                    file("rs", text).toString(),
                    mac);
            assertThat(set.exitCode()).as(set.out() + set.err()).isZero();
            assertThat(fleet.readFile(mac, path)).hasValue(text.getBytes(StandardCharsets.UTF_8));
            assertThat(w.meta(mac, path)).isEqualTo("644 root wheel");
            assertThat(fleet.readFile(mac, FleetWrites.OVERRIDE_PATH)).isEmpty();
            assertThat(w.record(mac).at("/parameters/group").asText()).isEqualTo("wheel");
            assertThat(w.listing(mac, "/opt/puppet_environments"))
                    .doesNotContainAnyElementsOf(List.of(".ronin_settings.fleetroll-lock"));

            CliRun unset = w.run("host-unset-override", "--confirm", "--no-backup", mac);
            assertThat(unset.exitCode()).as(unset.out() + unset.err()).isZero();
            assertThat(fleet.readFile(mac, path)).isEmpty();
        } finally {
            fleet.delete(mac, path);
        }
    }
}
