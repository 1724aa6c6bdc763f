package fleetroll.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The process handling of the transport, with sh standing in for ssh. */
class SshTransportTest {
    @Test
    void passesStdinAndReturnsStdoutBytesExactly() {
        byte[] input = new byte[300_000]; // larger than a pipe buffer, both ways
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) i;
        }
        ProcessResult result =
                SshTransport.run(List.of("sh", "-c", "cat; echo err >&2"), input, Duration.ofSeconds(20));
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(input);
        assertThat(result.stderr()).isEqualTo("err\n");
    }

    @Test
    void killsTheProcessAtItsDeadline() {
        long start = System.nanoTime();
        ProcessResult result =
                SshTransport.run(List.of("sh", "-c", "echo partial; sleep 30"), new byte[0], Duration.ofMillis(300));
        assertThat(result.timedOut()).isTrue();
        assertThat(new String(result.stdout())).isEqualTo("partial\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void interruptingTheCallerKillsTheProcessAndSaysCancelled() throws Exception {
        ProcessResult[] result = new ProcessResult[1];
        Thread t = Thread.ofVirtual()
                .start(() -> result[0] = SshTransport.run(List.of("sleep", "30"), new byte[0], Duration.ofSeconds(60)));
        Thread.sleep(200);
        t.interrupt();
        t.join(10_000);
        assertThat(result[0].cancelled()).isTrue();
    }

    @Test
    void interruptingTheCallerLeavesItsInterruptFlagSet() throws Exception {
        boolean[] flag = new boolean[1];
        Thread t = Thread.ofVirtual().start(() -> {
            SshTransport.run(List.of("sleep", "30"), new byte[0], Duration.ofSeconds(60));
            flag[0] = Thread.currentThread().isInterrupted(); // run() must not swallow the cancellation
        });
        Thread.sleep(200);
        t.interrupt();
        t.join(10_000);
        assertThat(flag[0]).isTrue();
    }

    @Test
    void aProgramThatCannotStartIsAFailureNotAnException() {
        ProcessResult result = SshTransport.run(List.of("/nonexistent/ssh"), new byte[0], Duration.ofSeconds(1));
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stderr()).contains("cannot start");
    }

    @Test
    void storedStderrIsCutAndSaysWhenWeKilledSsh() {
        SshTransport transport = new SshTransport(SshSettings.defaults());
        String stored = transport.storedStderr(new ProcessResult(255, new byte[0], "x".repeat(2500), true, false));
        assertThat(stored).isEqualTo("x".repeat(2000) + "…\nkilled after --timeout 60s");
        assertThat(transport.storedStderr(new ProcessResult(1, new byte[0], "  denied\n", false, false)))
                .isEqualTo("denied");
        assertThat(transport.storedStderr(new ProcessResult(-1, new byte[0], "", true, false)))
                .isEqualTo("killed after --timeout 60s");
    }

    @Test
    void stderrIsCappedButDrained() throws Exception {
        byte[] stderr = SshTransport.readCapped(new ByteArrayInputStream(new byte[200_000]), 1000);
        assertThat(stderr).hasSize(1000);
    }
}
