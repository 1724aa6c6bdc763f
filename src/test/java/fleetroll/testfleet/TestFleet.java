package fleetroll.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real-sshd test fleet of the integration tests: {@code src/test/fleet/fleetlab.sh} started
 * once per JVM in a lab directory of its own under /tmp, and purged by a shutdown hook. Every
 * host is a real OpenSSH server with its own /etc, /var, /opt, /root on its own loopback address.
 *
 * <p>Hosts: {@code host1..hostN} (normal Linux hosts; tests get their own with {@link
 * #allocate}, because they change host files), {@link #macHost()} (answers like macOS), and the
 * special hosts {@link #UNREACHABLE}, {@link #BLACKHOLE}, {@link #HANG}, {@link #SLOW}, {@link
 * #NOSUDO}, {@link #NOAUTH}, which every test may use because nothing changes them.
 *
 * <p>Settings: {@code -Dfleetroll.fleet.size} or {@code FLEETROLL_FLEET_SIZE} (normal hosts,
 * default {@value #DEFAULT_SIZE}); {@code FLEETROLL_TEST_NET} (address prefix, default {@value
 * #DEFAULT_NET}): labs that run at the same time on one machine need different prefixes.
 */
public final class TestFleet {
    public static final String UNREACHABLE = "unreachable"; // "Connection refused" at once
    public static final String BLACKHOLE = "blackhole"; // SYNs dropped: connect times out
    public static final String HANG = "hang"; // TCP accepted, no SSH banner ever
    public static final String SLOW = "slow"; // works, every session starts SLOW_SECONDS late
    public static final String NOSUDO = "nosudo"; // sudo refuses everyone
    public static final String NOAUTH = "noauth"; // our key is not authorized
    public static final int SLOW_SECONDS = 3;

    static final int DEFAULT_SIZE = 150;
    static final String DEFAULT_NET = "127.77";
    private static final String LAB_PREFIX = "fleetroll-testfleet-";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration EXEC_TIMEOUT = Duration.ofMinutes(1);

    /** What a command run inside a host gave back. */
    public record ExecResult(int exitCode, String stdout, String stderr) {}

    private static TestFleet shared;
    private static RuntimeException startFailure;

    private final Path script;
    private final Path lab;
    private final int size;
    private final Map<String, Long> initPids = new ConcurrentHashMap<>();
    private int nextHost = 1;

    private TestFleet(Path script, Path lab, int size) {
        this.script = script;
        this.lab = lab;
        this.size = size;
    }

    /**
     * The fleet of this JVM, started on first use and purged at JVM exit. Fails, with the reason
     * and the fix, when the machine cannot run it (not root, sshd missing): a skipped test would
     * hide a broken build.
     */
    public static synchronized TestFleet shared() {
        if (startFailure != null) {
            throw new IllegalStateException(
                    "the test fleet failed to start (see the first failing test)", startFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    private static TestFleet start() {
        Prerequisites.check();
        Path script = locateScript();
        int size = configuredSize();
        Path lab = Path.of("/tmp", LAB_PREFIX + ProcessHandle.current().pid());
        StaleLabs.purge(script, Path.of("/tmp"), LAB_PREFIX);
        TestFleet fleet = new TestFleet(script, lab, size);
        StaleLabs.claim(lab);
        // The hook is registered before `up`, so that a half-started lab is stopped too.
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::purge, "testfleet-purge"));
        ProcessRunner.Result up = ProcessRunner.run(
                List.of(script.toString(), "up", String.valueOf(size), lab.toString()),
                labEnvironment(),
                new byte[0],
                START_TIMEOUT);
        if (up.exitCode() != 0) {
            String err = up.stderrText();
            throw new IllegalStateException("the test fleet did not start: " + script + " up " + size + " " + lab
                    + " exited " + up.exitCode() + ":\n" + err
                    + (err.contains("Address already in use")
                            ? "\nAnother lab uses " + net() + ".*; give this run its own prefix, e.g."
                                    + " FLEETROLL_TEST_NET=127.78"
                            : ""));
        }
        return fleet;
    }

    private static Map<String, String> labEnvironment() {
        return Map.of(
                "FLEETLAB_NET", net(),
                "FLEETLAB_SLOW_SECONDS", String.valueOf(SLOW_SECONDS),
                "FLEETLAB_MACS", "1");
    }

    private static String net() {
        String net = System.getenv("FLEETROLL_TEST_NET");
        return net == null || net.isBlank() ? DEFAULT_NET : net.strip();
    }

    private static int configuredSize() {
        String value = System.getProperty("fleetroll.fleet.size", System.getenv("FLEETROLL_FLEET_SIZE"));
        if (value == null || value.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("fleetroll.fleet.size / FLEETROLL_FLEET_SIZE is not a number: " + value);
        }
    }

    private static Path locateScript() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path script = base.resolve("src/test/fleet/fleetlab.sh").toAbsolutePath();
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no executable " + script + " (run the tests from the repository root)");
        }
        return script;
    }

    /** The lab's ssh_config: every host by name, our key, pre-filled known_hosts. */
    public Path sshConfig() {
        return lab.resolve("ssh_config");
    }

    /** The words to give host-audit as {@code --ssh-option}: {@code ["-F", "<lab>/ssh_config"]}. */
    public List<String> sshOptions() {
        return List.of("-F", sshConfig().toString());
    }

    /** The lab directory (hosts' files live in {@code hosts/NAME}). */
    public Path labDir() {
        return lab;
    }

    /** How many normal hosts the fleet has. */
    public int size() {
        return size;
    }

    /** {@code n} normal host names that no other caller in this JVM has been given. */
    public synchronized List<String> allocate(int n) {
        if (n < 1 || nextHost + n - 1 > size) {
            throw new IllegalStateException("the test fleet has " + size + " normal hosts and " + (nextHost - 1)
                    + " are taken; " + n + " more were asked for: raise -Dfleetroll.fleet.size"
                    + " (or FLEETROLL_FLEET_SIZE)");
        }
        List<String> hosts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hosts.add("host" + nextHost++);
        }
        return hosts;
    }

    /** The macOS-like host: Darwin's uname, stat -f, sysctl kern.boottime, shasum; group wheel. */
    public String macHost() {
        return "mac1";
    }

    /**
     * Writes {@code content} to {@code path} as root inside {@code host}, atomically (temp file in
     * the same directory, then rename), creating missing directories; {@code mode} as for chmod.
     */
    public void writeFile(String host, String path, byte[] content, String mode) {
        ExecResult r = execWithInput(
                host,
                content,
                "sh",
                "-c",
                "set -e; d=$(dirname \"$1\"); mkdir -p \"$d\"; t=$(mktemp \"$d/.testfleet.XXXXXX\");"
                        + " cat > \"$t\"; chmod \"$2\" \"$t\"; mv -f \"$t\" \"$1\"",
                "sh",
                path,
                mode);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cannot write " + path + " on " + host + ": " + r.stderr());
        }
    }

    public void writeFile(String host, String path, String content, String mode) {
        writeFile(host, path, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    /** The exact bytes of {@code path} inside {@code host}, or empty when it is not a file. */
    public Optional<byte[]> readFile(String host, String path) {
        ProcessRunner.Result r =
                nsenter(host, new byte[0], "sh", "-c", "[ -f \"$1\" ] || exit 3; exec cat -- \"$1\"", "sh", path);
        if (r.exitCode() == 3) {
            return Optional.empty();
        }
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cannot read " + path + " on " + host + ": " + r.stderrText());
        }
        return Optional.of(r.stdout());
    }

    /** Removes {@code paths} inside {@code host} (rm -rf). */
    public void delete(String host, String... paths) {
        List<String> command = new ArrayList<>(List.of("rm", "-rf", "--"));
        command.addAll(Arrays.asList(paths));
        ExecResult r = exec(host, command.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cannot delete " + command + " on " + host + ": " + r.stderr());
        }
    }

    /** Runs {@code command} as root inside {@code host}'s namespaces (nsenter, no ssh). */
    public ExecResult exec(String host, String... command) {
        return execWithInput(host, new byte[0], command);
    }

    public ExecResult execWithInput(String host, byte[] stdin, String... command) {
        ProcessRunner.Result r = nsenter(host, stdin, command);
        return new ExecResult(
                r.exitCode(),
                new String(r.stdout(), StandardCharsets.UTF_8),
                new String(r.stderr(), StandardCharsets.UTF_8));
    }

    private ProcessRunner.Result nsenter(String host, byte[] stdin, String... command) {
        long pid = initPids.computeIfAbsent(host, this::initPid);
        List<String> argv =
                new ArrayList<>(List.of("nsenter", "--target", String.valueOf(pid), "--mount", "--uts", "--pid"));
        if (Files.exists(Path.of("/proc", String.valueOf(pid), "ns", "time"))) {
            argv.add("--time"); // the host's uptime
        }
        argv.addAll(List.of("--wd=/", "--"));
        argv.addAll(Arrays.asList(command));
        return ProcessRunner.run(argv, Map.of(), stdin, EXEC_TIMEOUT);
    }

    /** PID 1 of the host's namespaces: the third field of its pid file (see fleetlab.sh). */
    private long initPid(String host) {
        Path pidFile = lab.resolve("hosts").resolve(host).resolve("pid");
        try {
            String[] fields = Files.readString(pidFile).strip().split("\\s+");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    host + " has no running namespaces to enter (no " + pidFile + "): " + e.getMessage(), e);
        }
    }

    /** Stops every host this fleet started and deletes the lab directory. */
    private void purge() {
        try {
            ProcessRunner.Result r = ProcessRunner.run(
                    List.of(script.toString(), "purge", lab.toString()), Map.of(), new byte[0], Duration.ofMinutes(1));
            if (r.exitCode() != 0) {
                System.err.println("testfleet: purge of " + lab + " failed: " + r.stderrText());
            } else {
                StaleLabs.release(lab);
            }
        } catch (RuntimeException e) {
            System.err.println("testfleet: purge of " + lab + " failed: " + e);
        }
    }

    @Override
    public String toString() {
        return "TestFleet[" + lab + ", " + size + " hosts, net " + net() + "]";
    }

    static UncheckedIOException unchecked(String what, IOException e) {
        return new UncheckedIOException(what + ": " + e.getMessage(), e);
    }
}
