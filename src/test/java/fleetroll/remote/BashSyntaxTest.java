package fleetroll.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
}
