package fleetroll.remote;

import fleetroll.hosts.HostTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command on one host through the system {@code ssh}, so that ~/.ssh/config, ProxyJump,
 * agents and ControlMaster work as they do for the operator. Input goes on stdin (binary-safe, and
 * never in an argument where {@code ps} would show it); stdout comes back as exact bytes.
 */
public final class SshTransport {
    /** stderr is for diagnosis only; a chatty host must not fill memory. */
    static final int MAX_STDERR_BYTES = 64 * 1024;

    /** What an observation or audit.jsonl record keeps of stderr: enough to act on, not a log. */
    static final int MAX_STORED_STDERR = 2000;

    private final SshSettings settings;
    private final String sshProgram;

    public SshTransport(SshSettings settings) {
        this(settings, "ssh");
    }

    /** {@code sshProgram} replaces "ssh" in argv (tests point it at a wrapper). */
    public SshTransport(SshSettings settings, String sshProgram) {
        this.settings = settings;
        this.sshProgram = sshProgram;
    }

    public SshSettings settings() {
        return settings;
    }

    /**
     * stderr as it is stored for one host: stripped, cut at {@link #MAX_STORED_STDERR} characters,
     * and, when we killed ssh at its deadline, saying so with the --timeout that applied.
     */
    public String storedStderr(ProcessResult result) {
        String text = result.stderr().strip();
        String stored = text.length() <= MAX_STORED_STDERR ? text : text.substring(0, MAX_STORED_STDERR) + "…";
        if (result.timedOut()) {
            stored = (stored + "\nkilled after --timeout "
                            + settings.perHostTimeout().toSeconds() + "s")
                    .strip();
        }
        return stored;
    }

    public List<String> argv(HostTarget target, String remoteCommand) {
        List<String> argv = new java.util.ArrayList<>(SshCommand.argv(settings, target, remoteCommand));
        argv.set(0, sshProgram);
        return argv;
    }

    /**
     * Runs {@code remoteCommand} on {@code target} with {@code stdin} as its input and waits at
     * most the per-host timeout. The deadline starts when ssh starts, not when the host was
     * queued, so a long queue never fails a healthy host. When the calling thread is interrupted
     * (Ctrl-C, --batch-timeout), ssh is killed and the result says "cancelled".
     */
    public ProcessResult run(HostTarget target, String remoteCommand, byte[] stdin) {
        return run(argv(target, remoteCommand), stdin, settings.perHostTimeout());
    }

    static ProcessResult run(List<String> argv, byte[] stdin, Duration timeout) {
        try {
            return run(new ProcessBuilder(argv), stdin, timeout);
        } catch (IOException e) {
            return new ProcessResult(
                    -1, new byte[0], "cannot start " + argv.get(0) + ": " + e.getMessage(), false, false);
        }
    }

    /**
     * Starts {@code builder}, feeds it {@code stdin} and waits at most {@code timeout}, killing it
     * then or when the calling thread is interrupted. For callers that need their own environment
     * or redirects ({@link BashSyntax}); throws only when the program cannot start.
     */
    static ProcessResult run(ProcessBuilder builder, byte[] stdin, Duration timeout) throws IOException {
        Process process = builder.start();
        // Each stream on its own thread: a host that writes more than the pipe buffer (64 KiB on
        // Linux) to one stream while we block on another would stall until its deadline.
        CompletableFuture<byte[]> out = readAsync(process.getInputStream(), Integer.MAX_VALUE);
        CompletableFuture<byte[]> err = readAsync(process.getErrorStream(), MAX_STDERR_BYTES);
        Thread.ofVirtual().start(() -> writeAndClose(process.getOutputStream(), stdin));
        boolean timedOut = false;
        boolean cancelled = false;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                kill(process);
            }
        } catch (InterruptedException e) {
            cancelled = true;
            kill(process);
            Thread.currentThread().interrupt();
        }
        // join() waits through interrupts and then sets the flag again: the process is dead or
        // dying, so its streams end and it is reaped soon; the caller still sees the interrupt.
        byte[] stdout = out.join();
        String stderr = new String(err.join(), StandardCharsets.UTF_8);
        int exit = process.onExit().join().exitValue();
        return new ProcessResult(exit, stdout, stderr, timedOut, cancelled);
    }

    private static void kill(Process process) {
        // ProxyCommand or ProxyJump helpers are children of ssh: take them down too.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static CompletableFuture<byte[]> readAsync(InputStream in, int cap) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (in) {
                result.complete(readCapped(in, cap));
            } catch (IOException e) {
                result.complete(new byte[0]);
            }
        });
        return result;
    }

    static byte[] readCapped(InputStream in, int cap) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            int room = cap - buffer.size();
            if (room > 0) {
                buffer.write(chunk, 0, Math.min(n, room));
            } // past the cap keep reading, so the writer never blocks
        }
        return buffer.toByteArray();
    }

    private static void writeAndClose(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            stdin.write(bytes);
        } catch (IOException e) {
            // ssh exited before reading all input (refused, auth failure): its status tells why.
        }
    }
}
