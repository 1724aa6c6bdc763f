package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.change.BackupSuffix;
import fleetroll.change.ChangeReport;
import fleetroll.change.ChangeService;
import fleetroll.change.FileContents;
import fleetroll.change.FileMode;
import fleetroll.change.HostChange;
import fleetroll.change.ManagedFile;
import fleetroll.change.Ownership;
import fleetroll.change.SetRequest;
import fleetroll.config.FleetrollHome;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.FailureKind;
import fleetroll.remote.FanOutRunner;
import fleetroll.remote.SshSettings;
import fleetroll.remote.SshTransport;
import fleetroll.store.Json;
import fleetroll.store.LocalState;
import fleetroll.testfleet.TestFleet;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults during a write: ssh killed mid-transfer, a full file system, two writers at once. */
class WriteFaultsFleetIT {
    @TempDir
    Path tmp;

    FleetWrites w;
    TestFleet fleet;

    @BeforeEach
    void setUp() {
        w = new FleetWrites(tmp.resolve("home"));
        fleet = w.fleet;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void sshKilledMidTransferLeavesThePreviousFileAndNoTempFile() throws Exception {
        String host = fleet.allocate(1).get(0);
        byte[] old = FleetWrites.ronin("old").getBytes(StandardCharsets.UTF_8);
        fleet.writeFile(host, FleetWrites.OVERRIDE_PATH, old, "0644");
        // An ssh that gets the first 256 KiB of the ~3 MB script, then nothing more, until the
        // per-host deadline kills it (and the real ssh under it) mid-transfer.
        Path stall =
                Files.writeString(tmp.resolve("ssh-stall"), "#!/bin/sh\n{ head -c 262144; sleep 300; } | ssh \"$@\"\n");
        assertThat(stall.toFile().setExecutable(true)).isTrue();
        SshSettings settings = new SshSettings(
                fleet.sshOptions(), Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofMinutes(1), 1);
        SetRequest request = new SetRequest(
                ManagedFile.OVERRIDE,
                ManagedFile.OVERRIDE.defaultDestination(),
                FileContents.of(random(1024 * 1024, 1), "test", "test"),
                FileMode.parse("0644"),
                new Ownership("root", Optional.empty()),
                true,
                true,
                BackupSuffix.of(Instant.now()),
                Optional.empty());
        ChangeReport report;
        try (LocalState state = LocalState.open(new FleetrollHome(w.home))) {
            report = new ChangeService(new SshTransport(settings, stall.toString()), state, "tester", Clock.systemUTC())
                    .set(request, List.of(HostTarget.parse(host)), new FanOutRunner(1, Duration.ofMinutes(1)), c -> {});
        }
        HostChange.Outcome.Failed failed =
                (HostChange.Outcome.Failed) report.changes().get(0).outcome();
        assertThat(failed.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(failed.mayHaveChanged()).isFalse(); // the script never started

        // The host's shell saw a script cut short: it ran nothing and is gone.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fleet.exec(host, "sh", "-c", "ps -eo args | grep -q '^sh -s'").exitCode() == 0) {
            assertThat(System.nanoTime())
                    .as("the host's sh -s is still running")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(fleet.readFile(host, FleetWrites.OVERRIDE_PATH)).hasValue(old);
        assertThat(w.listing(host, "/etc/puppet")).containsExactly("ronin_settings");

        // Nothing is left locked: the next write goes through.
        Path next = Files.writeString(tmp.resolve("rs"), FleetWrites.ronin("next"));
        CliRun run = w.run("host-set-override", "--confirm", "--force", "--from-file", next.toString(), host);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void aFullFileSystemLeavesThePreviousFileAndNoTempFile() throws Exception {
        String host = fleet.allocate(1).get(0);
        byte[] old = FleetWrites.ronin("old").getBytes(StandardCharsets.UTF_8);
        FleetWrites.check(fleet.exec(
                host, "sh", "-c", "mkdir -p /etc/puppet && mount -t tmpfs -o size=64k fleetroll-full /etc/puppet"));
        try {
            fleet.writeFile(host, FleetWrites.OVERRIDE_PATH, old, "0644");
            fleet.exec(host, "sh", "-c", "dd if=/dev/zero of=/etc/puppet/filler bs=1k 2>/dev/null");
            Path big = Files.write(tmp.resolve("big"), random(200 * 1024, 2));
            for (String extra : new String[] {"--reason=disk full", "--no-backup"}) {
                CliRun run = w.run(
                        "host-set-override",
                        "--confirm",
                        "--force",
                        extra,
                        "--no-validate",
                        "--from-file",
                        big.toString(),
                        host);
                assertThat(run.exitCode()).isEqualTo(1);
                assertThat(run.out())
                        .containsPattern(host + " +failed +other: cannot write the new contents in /etc/puppet \\(file"
                                + " system full\\?\\)");
                assertThat(fleet.readFile(host, FleetWrites.OVERRIDE_PATH)).hasValue(old);
                assertThat(w.listing(host, "/etc/puppet")).containsExactly("filler", "ronin_settings");
            }
            JsonNode record = w.records().get(0);
            assertThat(record.get("ok").asBoolean()).isFalse();
            assertThat(record.at("/observed/content_changed").asBoolean()).isFalse();
            assertThat(record.get("stderr").asText()).contains("file system full?");
        } finally {
            fleet.exec(host, "umount", "/etc/puppet");
        }
    }

    @Test
    void twoWritersAtOnceLeaveOneOfTheTwoFilesOnLinux() throws Exception {
        String host = fleet.allocate(1).get(0);
        FleetWrites.check(fleet.exec(host, "mkdir", "-p", "/etc/puppet"));
        concurrentWriters(host, FleetWrites.OVERRIDE_PATH);
    }

    @Test
    void twoWritersAtOnceLeaveOneOfTheTwoFilesOnMacOs() throws Exception {
        String mac = fleet.macHost();
        String path = "/opt/puppet_environments/ronin_settings";
        fleet.exec(mac, "sh", "-c", "rm -f /opt/puppet_environments/ronin_settings*");
        try {
            concurrentWriters(mac, path);
        } finally {
            fleet.exec(mac, "sh", "-c", "rm -f /opt/puppet_environments/ronin_settings*");
        }
    }

    /**
     * Two fleetroll processes, different contents, one host. With --force, both are written one
     * after the other: the file ends as one of the two, byte for byte. Without --force on a host
     * without the file, exactly one writes and the other is refused.
     */
    private void concurrentWriters(String host, String path) throws Exception {
        String dir = path.substring(0, path.lastIndexOf('/'));
        String base = path.substring(path.lastIndexOf('/') + 1);
        byte[] a = random(512 * 1024, 10);
        byte[] b = random(512 * 1024, 20);
        Path fileA = Files.write(tmp.resolve("a"), a);
        Path fileB = Files.write(tmp.resolve("b"), b);

        List<JsonNode> outcomes = writeBoth(host, fileA, fileB, false);
        assertThat(outcomes)
                .extracting(o -> o.at("/results/0/observed/content_changed").asBoolean())
                .containsExactlyInAnyOrder(true, false);
        assertThat(outcomes)
                .extracting(o -> o.at("/results/0/stderr").asText())
                .anyMatch(e -> e.contains("has other contents; not replaced without --force"));
        assertThat(fleet.readFile(host, path).orElseThrow()).isIn(a, b);

        for (int round = 0; round < 3; round++) {
            outcomes = writeBoth(host, fileA, fileB, true);
            assertThat(outcomes).allMatch(o -> o.get("successful").asInt() == 1);
            assertThat(fleet.readFile(host, path).orElseThrow()).isIn(a, b);
            assertThat(w.listing(host, dir)).allMatch(n -> n.equals(base) || n.startsWith(base + ".bak."));
        }
        // Every record of both processes is whole: 2 per round, one JSON object per line.
        assertThat(w.records()).hasSize(8).allMatch(r -> r.get("host").asText().equals(host));
    }

    private List<JsonNode> writeBoth(String host, Path fileA, Path fileB, boolean force) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (Path file : List.of(fileA, fileB)) {
            List<String> argv = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    System.getProperty("fleetroll.jar", "target/fleetroll.jar"),
                    "host-set-override",
                    "--confirm",
                    "--json",
                    "--no-audit",
                    "--no-validate",
                    "--ssh-option=" + String.join(" ", fleet.sshOptions()),
                    "--from-file",
                    file.toString(),
                    host));
            if (force) {
                argv.add("--force");
            }
            ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("FLEETROLL_HOME", w.home.toString());
            builder.environment().put("FLEETROLL_ACTOR", "tester");
            builder.redirectOutput(tmp.resolve("out-" + file.getFileName()).toFile());
            processes.add(builder.start());
        }
        List<JsonNode> outcomes = new ArrayList<>();
        for (Process p : processes) {
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
        for (Path file : List.of(fileA, fileB)) {
            File out = tmp.resolve("out-" + file.getFileName()).toFile();
            outcomes.add(Json.MAPPER.readTree(Files.readString(out.toPath())));
        }
        return outcomes;
    }
}
