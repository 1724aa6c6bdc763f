package fleetroll.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.BadInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BashSyntaxTest {
    @Test
    void validShellHasNoProblems() {
        assertThat(BashSyntax.check("A='1'\nif true; then B=2; fi\n".getBytes(StandardCharsets.UTF_8), "f"))
                .isEmpty();
    }

    @Test
    void problemsCarryTheFileNameAndLine() {
        assertThat(BashSyntax.check("A=1\nif true; then\n  B=2\nfi fi\n".getBytes(StandardCharsets.UTF_8), "rs"))
                .first()
                .isEqualTo("rs:4: syntax error near unexpected token `fi' (in: fi fi)");
        assertThat(BashSyntax.check("A=1\nB='open\n".getBytes(StandardCharsets.UTF_8), "rs"))
                .first()
                .asString()
                .startsWith("rs:2: unexpected EOF");
    }

    @Test
    void parsesWithoutRunning(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path marker = dir.resolve("ran");
        assertThat(BashSyntax.check(("touch " + marker + "\n").getBytes(StandardCharsets.UTF_8), "f"))
                .isEmpty();
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCheckThatHangsIsStoppedAtItsDeadline() {
        // sleep keeps stderr open without writing: a check that read stderr to its end first
        // would wait the full 30 s here instead of stopping at the deadline.
        long start = System.nanoTime();
        assertThatThrownBy(() -> BashSyntax.check(
                        new ProcessBuilder("sleep", "30"),
                        "A=1\n".getBytes(StandardCharsets.UTF_8),
                        "f",
                        Duration.ofMillis(300)))
                .isInstanceOf(BadInputException.class)
                .hasMessageMatching("bash -n took more than \\d+s on f");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
