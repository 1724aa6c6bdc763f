package fleetroll.cli;

import fleetroll.config.FleetrollHome;
import fleetroll.store.FileMeta;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import fleetroll.store.WorkerRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's AOT cache (JDK 25, JEP 483/514): it runs the short
 * commands operators type most, in-process against a throw-away home, so that the classes they
 * load are cached pre-linked. It talks to no host and writes nothing outside its temp directory.
 */
public final class AotTraining {
    private static final List<List<String>> COMMANDS = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("host-audit", "--help"),
            List.of("debug-host-script"),
            List.of("debug-host-script", "--wrap", "host1.example.org"),
            List.of("host-audit", "-oProxyCommand=x"));

    /**
     * Every kind of monitor row needs only a dozen hosts, but the cache also keeps what the
     * training run learned while running the row code many times: host-monitor --once at 10,000
     * hosts took 9 ms less (median of 15 interleaved runs) with 300 hosts here than with 12. The
     * training run takes 0.2 s longer; 1,500 hosts gained nothing more.
     */
    static final int SEEDED_HOSTS = 300;

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Main.useRootLocaleData(); // as every real run does
        Path home = Files.createTempDirectory("fleetroll-aot-");
        try {
            train(home);
        } finally {
            deleteTree(home);
        }
    }

    /**
     * Runs the training commands against {@code home} and returns their exit codes in order. The
     * last two are host-monitor --once and --once --json over a small store seeded here: the
     * store, its sqlite library, the JSON reading and the table are what --once spends its time
     * loading at 10,000 hosts.
     */
    static List<Integer> train(Path home) throws IOException {
        CommandContext context = CommandContext.forTest(
                Map.of("FLEETROLL_HOME", home.toString()), new FleetrollHome(home), Clock.systemUTC());
        List<List<String>> commands = new ArrayList<>(COMMANDS);
        String list = seedFleet(home).toString();
        commands.add(List.of("host-monitor", "--once", list));
        commands.add(List.of("host-monitor", "--once", "--json", list));
        List<Integer> codes = new ArrayList<>();
        for (List<String> command : commands) {
            StringWriter sink = new StringWriter();
            codes.add(Main.run(command.toArray(String[]::new), context, new PrintWriter(sink), new PrintWriter(sink)));
        }
        return codes;
    }

    /**
     * Stores a few audits and worker records of {@link #SEEDED_HOSTS} hosts, each kind of row the
     * monitor draws (newest ok, newest failed after an ok one, never succeeded, with and without
     * an override, quarantined), and writes a list that also names a host never audited.
     */
    static Path seedFleet(Path home) throws IOException {
        Instant now = Instant.now();
        StringBuilder list = new StringBuilder("# fqdn: example.org\n");
        try (LocalState state = LocalState.open(new FleetrollHome(home))) {
            String override = state.overrides()
                    .put("PUPPET_BRANCH='aot-training'\n".getBytes(StandardCharsets.UTF_8))
                    .sha256();
            List<WorkerRecord> workers = new ArrayList<>(SEEDED_HOSTS);
            for (int h = 0; h < SEEDED_HOSTS; h++) {
                String name = "host" + h;
                list.append(name).append('\n');
                for (int k = 2; k >= 0; k--) {
                    Instant at = now.minus(Duration.ofMinutes(10L * k + h));
                    boolean failed = k == 0 && h % 4 == 1 || h % 4 == 2;
                    state.observations()
                            .add(
                                    failed
                                            ? failedAudit(name + ".example.org", at)
                                            : audit(name + ".example.org", at, h % 3 == 0 ? override : null));
                }
                workers.add(worker(name, now.minus(Duration.ofMinutes(h)), h % 5 == 4));
            }
            state.workers().addAll(workers);
        }
        list.append("never-audited\n");
        return Files.writeString(home.resolve("training.list"), list);
    }

    private static Observation audit(String host, Instant at, String overrideSha256) {
        long epoch = at.getEpochSecond();
        boolean override = overrideSha256 != null;
        ObservedState observed = new ObservedState(
                "Linux",
                true,
                "gecko_t_linux_talos",
                override,
                override ? new FileMeta("644", "root", "root", 30L, epoch - 7200) : null,
                overrideSha256,
                true,
                new FileMeta("640", "root", "root", 2048L, epoch - 86_400),
                "0".repeat(64),
                86_400L,
                epoch - 600,
                true,
                "0123456789abcdef0123456789abcdef01234567",
                "master",
                overrideSha256,
                "0".repeat(64));
        return new Observation(
                Observation.timestamp(at), "aot", Observation.ACTION_AUDIT, host, true, 0, "", null, observed);
    }

    private static Observation failedAudit(String host, Instant at) {
        return new Observation(
                Observation.timestamp(at),
                "aot",
                Observation.ACTION_AUDIT,
                host,
                false,
                255,
                "ssh: connect to host " + host + " port 22: Connection timed out",
                "timed_out",
                null);
    }

    private static WorkerRecord worker(String shortName, Instant at, boolean quarantined) {
        return new WorkerRecord(
                shortName,
                Observation.timestamp(at),
                "releng-hardware",
                "gecko-t-linux-talos",
                "mdc1",
                shortName,
                "running",
                at.minus(Duration.ofDays(30)).toString(),
                at.minus(Duration.ofMinutes(2)).toString(),
                quarantined ? at.plus(Duration.ofDays(1)).toString() : null,
                "TASK" + shortName,
                0,
                "completed",
                at.minus(Duration.ofMinutes(30)).toString(),
                at.minus(Duration.ofMinutes(5)).toString());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
