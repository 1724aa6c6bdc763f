package fleetroll.testfleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a helper process of the harness (fleetlab.sh, nsenter) with input, deadline and exact output. */
final class ProcessRunner {
    record Result(int exitCode, byte[] stdout, byte[] stderr) {
        String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8).strip();
        }
    }

    private ProcessRunner() {}

    static Result run(List<String> argv, Map<String, String> env, byte[] stdin, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw TestFleet.unchecked("cannot start " + argv.get(0), e);
        }
        // Both streams on their own threads: a full pipe buffer on one would block the other.
        CompletableFuture<byte[]> out = readAll(process.getInputStream());
        CompletableFuture<byte[]> err = readAll(process.getErrorStream());
        Thread.ofVirtual().start(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the command exited without reading all of it; its status says why
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        }
    }

    private static CompletableFuture<byte[]> readAll(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                result.complete(stream.readAllBytes());
            } catch (IOException e) {
                result.complete(new byte[0]);
            }
        });
        return result;
    }
}
