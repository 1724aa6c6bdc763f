package fleetroll.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private tmux server with one pane, for driving the real program as an operator would:
 * keys in, screen text out. Its own socket, no config file, killed on close.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "fleetroll-it-" + UUID.randomUUID().toString().substring(0, 8);
    private Path socketPath;

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Tmux start(int width, int height, Map<String, String> env, String shellCommand) {
        Tmux tmux = new Tmux();
        List<String> args = new ArrayList<>(
                List.of("new-session", "-d", "-x", String.valueOf(width), "-y", String.valueOf(height)));
        env.forEach((k, v) -> {
            args.add("-e");
            args.add(k + "=" + v);
        });
        args.add(shellCommand);
        tmux.run(args.toArray(String[]::new));
        tmux.socketPath = Path.of(tmux.display("#{socket_path}"));
        return tmux;
    }

    /** The pane as text, one line per row, trailing blanks trimmed. */
    String capture() {
        return run("capture-pane", "-p");
    }

    /** The pane with its SGR escape sequences (colours, inverse). */
    String captureStyled() {
        return run("capture-pane", "-p", "-e");
    }

    /** Sends tmux key names ("j", "Enter", "NPage", "C-c") or literal text. */
    void send(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    void resize(int width, int height) {
        run("resize-window", "-x", String.valueOf(width), "-y", String.valueOf(height));
    }

    /** The pane's process and its descendants, while the server still runs; empty when gone. */
    private List<ProcessHandle> panePrograms() {
        try {
            long pid = Long.parseLong(display("#{pane_pid}"));
            return ProcessHandle.of(pid)
                    .map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())
                            .toList())
                    .orElse(List.of());
        } catch (RuntimeException e) {
            return List.of(); // no pane any more: nothing to wait for
        }
    }

    /** A tmux format of the pane, such as "#{alternate_on}" or "#{pane_pid}". */
    String display(String format) {
        return run("display-message", "-p", format).strip();
    }

    /** Waits until the pane satisfies {@code condition}; fails with the pane printed if it does not. */
    String await(String what, Predicate<String> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String pane = "";
        while (System.nanoTime() < deadline) {
            pane = capture();
            if (condition.test(pane)) {
                return pane;
            }
            sleep(50);
        }
        throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + "; the pane shows:\n" + pane);
    }

    String await(String text) {
        return await("\"" + text + "\"", pane -> pane.contains(text), Duration.ofSeconds(15));
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run tmux: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            // The program may still be writing into its FLEETROLL_HOME as it exits (filter
            // history, on SIGHUP): wait for it, or the test's @TempDir deletion races with it.
            List<ProcessHandle> programs = panePrograms();
            new ProcessBuilder("tmux", "-L", socket, "kill-server")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (ProcessHandle program : programs) {
                while (program.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            if (socketPath != null) {
                Files.deleteIfExists(socketPath); // tmux leaves it behind when killed
            }
        } catch (IOException e) {
            // the server is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
