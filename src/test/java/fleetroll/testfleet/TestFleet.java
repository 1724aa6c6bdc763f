package fleetroll.testfleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * STAND-IN for the `fleet` branch's TestFleet, with the same public API, so that the writes ITs
 * run before that class is merged; the lead replaces this file with the real one. It drives the
 * shared lab recipe (/work/shared/lab/fleetlab.sh, or $FLEETLAB_SCRIPT) in /tmp/writes-lab/it on
 * $FLEETROLL_TEST_NET (default 127.79), started once per JVM and purged at exit.
 *
 * <p>The shared recipe has no macOS-like host, so {@link #macHost()} turns one normal host into
 * one: inside that host only (its own mount namespace), /usr/local/bin, first in PATH, gets fakes
 * that answer like macOS (uname -s Darwin, shasum, stat -f, sysctl kern.boottime, a padded wc,
 * no sha256sum), gid 0 is named wheel, and /var/root and /opt/puppet_environments exist.
 */
public final class TestFleet {
    public static final String UNREACHABLE = "unreachable"; // "Connection refused" at once
    public static final String BLACKHOLE = "blackhole"; // SYNs dropped: connect times out
    public static final String HANG = "hang"; // TCP accepted, no SSH banner ever
    public static final String SLOW = "slow"; // works, every session starts SLOW_SECONDS late
    public static final String NOSUDO = "nosudo"; // sudo refuses everyone
    public static final String NOAUTH = "noauth"; // our key is not authorized
    public static final int SLOW_SECONDS = 3;

    static final int DEFAULT_SIZE = 24;
    static final String DEFAULT_NET = "127.79";
    private static final Duration EXEC_TIMEOUT = Duration.ofMinutes(1);

    /** What a command run inside a host gave back. */
    public record ExecResult(int exitCode, String stdout, String stderr) {}

    private static TestFleet shared;
    private static RuntimeException startFailure;

    private final Path script;
    private final Path lab;
    private final int size;
    private int nextHost = 1;
    private String mac;

    private TestFleet(Path script, Path lab, int size) {
        this.script = script;
        this.lab = lab;
        this.size = size;
    }

    /** The fleet of this JVM, started on first use and purged at JVM exit. */
    public static synchronized TestFleet shared() {
        if (startFailure != null) {
            throw new IllegalStateException(
                    "the test fleet failed to start (see the first failing test)", startFailure);
        }
        if (shared == null) {
            Path script = Path.of(System.getenv().getOrDefault("FLEETLAB_SCRIPT", "/work/shared/lab/fleetlab.sh"));
            Path lab = Path.of("/tmp/writes-lab/it");
            int size = Integer.getInteger("fleetroll.fleet.size", DEFAULT_SIZE);
            TestFleet fleet = new TestFleet(script, lab, size);
            fleet.run(Duration.ofMinutes(1), "purge", lab.toString()); // a previous run's leftovers
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> fleet.run(Duration.ofMinutes(1), "purge", lab.toString())));
            Result up = fleet.run(Duration.ofMinutes(3), "up", String.valueOf(size), lab.toString());
            if (up.exitCode != 0) {
                startFailure = new IllegalStateException("the test fleet did not start: " + up.stderr());
                throw startFailure;
            }
            shared = fleet;
        }
        return shared;
    }

    public Path sshConfig() {
        return lab.resolve("ssh_config");
    }

    /** The words to give fleetroll as {@code --ssh-option}: {@code ["-F", "<lab>/ssh_config"]}. */
    public List<String> sshOptions() {
        return List.of("-F", sshConfig().toString());
    }

    public Path labDir() {
        return lab;
    }

    public int size() {
        return size;
    }

    /** {@code n} normal host names that no other caller in this JVM has been given. */
    public synchronized List<String> allocate(int n) {
        if (n < 1 || nextHost + n - 1 > size) {
            throw new IllegalStateException("the test fleet has " + size + " hosts, " + (nextHost - 1)
                    + " taken; raise -Dfleetroll.fleet.size");
        }
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hosts.add("host" + nextHost++);
        }
        return hosts;
    }

    /** The macOS-like host (one per fleet, shared: tests restore what they change on it). */
    public synchronized String macHost() {
        if (mac == null) {
            String host = allocate(1).get(0);
            makeMacLike(host);
            mac = host;
        }
        return mac;
    }

    private void makeMacLike(String host) {
        // The fakes live in the host's own /opt (the lab dir is hidden inside the host).
        for (Map.Entry<String, String> fake : MAC_FAKES.entrySet()) {
            writeFile(host, "/opt/fleetroll-macbin/" + fake.getKey(), fake.getValue(), "0755");
        }
        ExecResult r = exec(
                host,
                "sh",
                "-c",
                "set -e; mount --bind /opt/fleetroll-macbin /usr/local/bin;"
                        + " sed 's/^root:x:0:/wheel:x:0:/' /etc/group > /etc/group.new && mv /etc/group.new /etc/group;"
                        + " mkdir -p -m 700 /var/root; mkdir -p -m 755 /opt/puppet_environments");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cannot make " + host + " macOS-like: " + r.stderr());
        }
    }

    private static final Map<String, String> MAC_FAKES = Map.of(
            "uname",
            "#!/bin/sh\n[ \"${1-}\" = -s ] || [ $# -eq 0 ] && { echo Darwin; exit 0; }\nexec /usr/bin/uname \"$@\"\n",
            "shasum",
            "#!/bin/sh\n[ \"${1-}\" = -a ] && shift 2\nexec /usr/bin/sha256sum \"$@\"\n",
            "sha256sum",
            "#!/bin/sh\necho 'sh: sha256sum: command not found' >&2\nexit 127\n",
            "wc",
            "#!/bin/sh\nif [ $# -eq 1 ] && [ \"$1\" = -c ]; then printf '%8s\\n' \"$(/usr/bin/wc -c)\"; "
                    + "else exec /usr/bin/wc \"$@\"; fi\n",
            "stat",
            "#!/bin/sh\n[ \"${1-}\" = -f ] || { echo 'stat: illegal option' >&2; exit 1; }\n"
                    + "f=$(printf '%s' \"$2\" | sed 's/%Lp/%a/; s/%Su/%U/; s/%Sg/%G/; s/%z/%s/; s/%m/%Y/')\n"
                    + "shift 2\nexec /usr/bin/stat -c \"$f\" -- \"$@\"\n",
            "sysctl",
            "#!/bin/sh\nb=$(( $(date +%s) - $(cut -d. -f1 /proc/uptime) ))\n"
                    + "echo \"{ sec = $b, usec = 0 } $(date -u -d @$b)\"\n");

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
        Result r = nsenter(host, new byte[0], "sh", "-c", "[ -f \"$1\" ] || exit 3; exec cat -- \"$1\"", "sh", path);
        if (r.exitCode == 3) {
            return Optional.empty();
        }
        if (r.exitCode != 0) {
            throw new IllegalStateException("cannot read " + path + " on " + host + ": " + r.stderr());
        }
        return Optional.of(r.stdout);
    }

    public void delete(String host, String... paths) {
        List<String> command = new ArrayList<>(List.of("rm", "-rf", "--"));
        command.addAll(Arrays.asList(paths));
        ExecResult r = exec(host, command.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cannot delete " + command + " on " + host + ": " + r.stderr());
        }
    }

    /** Runs {@code command} as root inside {@code host}'s namespaces (no ssh). */
    public ExecResult exec(String host, String... command) {
        return execWithInput(host, new byte[0], command);
    }

    public ExecResult execWithInput(String host, byte[] stdin, String... command) {
        Result r = nsenter(host, stdin, command);
        return new ExecResult(r.exitCode, new String(r.stdout, StandardCharsets.UTF_8), r.stderr());
    }

    private Result nsenter(String host, byte[] stdin, String... command) {
        List<String> argv = new ArrayList<>(List.of(script.toString(), "exec", lab.toString(), host));
        argv.addAll(Arrays.asList(command));
        return runArgv(argv, stdin, EXEC_TIMEOUT);
    }

    private Result run(Duration timeout, String... args) {
        List<String> argv = new ArrayList<>(List.of(script.toString()));
        argv.addAll(Arrays.asList(args));
        return runArgv(argv, new byte[0], timeout);
    }

    private record Result(int exitCode, byte[] stdout, String stderr) {}

    private static Result runArgv(List<String> argv, byte[] stdin, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(argv);
            builder.environment().put("FLEETLAB_NET", System.getenv().getOrDefault("FLEETROLL_TEST_NET", DEFAULT_NET));
            builder.environment().put("FLEETLAB_SLOW_SECONDS", String.valueOf(SLOW_SECONDS));
            Process p = builder.start();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            Thread.ofVirtual().start(() -> {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException e) {
                    // the command did not read its input
                }
            });
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + argv);
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + argv, e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                result.complete(buffer.toByteArray());
            } catch (IOException e) {
                result.complete(new byte[0]);
            }
        });
        return result;
    }

    @Override
    public String toString() {
        return "TestFleet[stand-in, " + lab + ", " + size + " hosts]";
    }
}
