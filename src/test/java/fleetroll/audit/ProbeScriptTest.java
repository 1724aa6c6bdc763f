package fleetroll.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.store.ObservedState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The probe is plain POSIX sh: it must parse and answer under dash and bash --posix here too. */
class ProbeScriptTest {
    @Test
    void listsKnownVaultsAndIgnoresAnythingThatIsNotASha() {
        String sha = "a".repeat(64);
        String script = ProbeScript.text(List.of(sha, "'; rm -rf / #"));
        assertThat(script).startsWith("FLEETROLL_KNOWN_VAULTS='" + sha + "'\n");
        assertThat(script).doesNotContain("rm -rf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash"})
    void runsUnderPosixShellsAndAnswersInProtocol(String shell) throws Exception {
        List<String> argv = shell.equals("bash") ? List.of("bash", "--posix", "-s") : List.of(shell, "-s");
        byte[] out = run(argv, ProbeScript.text(List.of()));
        ObservedState state = ObservedStateReader.read(ProbeOutputParser.parse(out));
        assertThat(state.osType()).isEqualTo("Linux");
        assertThat(state.uptimeS()).isPositive();
    }

    private static byte[] run(List<String> argv, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
