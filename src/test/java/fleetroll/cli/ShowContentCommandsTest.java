package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.store.ContentStore;
import fleetroll.store.Sha256;
import fleetroll.store.StoredContent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowContentCommandsTest {
    @TempDir
    Path home;

    @Test
    void printsTheStoredBytesExactlyByShaPrefixOrHumanHash() {
        byte[] bytes = {'A', '=', '1', '\r', '\n', (byte) 0xff, (byte) 0xfe, 0, 'x'}; // CRLF, not UTF-8, no newline
        StoredContent stored = new ContentStore(home.resolve("overrides")).put(bytes);
        CliRun byPrefix = CliRun.run(home, "show-override", stored.sha256().substring(0, 6));
        assertThat(byPrefix.exitCode()).isZero();
        assertThat(byPrefix.stdoutBytes()).isEqualTo(bytes);
        CliRun byName = CliRun.run(home, "show-override", stored.humanHash());
        assertThat(byName.stdoutBytes()).isEqualTo(bytes);
        assertThat(byName.out()).isEmpty();
    }

    @Test
    void showVaultReadsTheVaultStore() {
        byte[] bytes = "token: hunter2\n".getBytes(StandardCharsets.UTF_8);
        StoredContent stored = new ContentStore(home.resolve("vault_yamls")).put(bytes);
        assertThat(CliRun.run(home, "show-vault", stored.shortSha()).stdoutBytes())
                .isEqualTo(bytes);
        assertThat(CliRun.run(home, "show-override", stored.shortSha()).exitCode())
                .isEqualTo(2);
    }

    @Test
    void anAmbiguousPrefixListsTheCandidatesAndExits2() {
        ContentStore store = new ContentStore(home.resolve("overrides"));
        // Two contents whose sha256 share the first 4 hex digits (a birthday search: ~300 tries).
        Map<String, byte[]> byPrefix = new HashMap<>();
        byte[] first = null;
        byte[] second = null;
        for (int i = 0; second == null; i++) {
            byte[] candidate = ("V=" + i + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] earlier = byPrefix.putIfAbsent(Sha256.hex(candidate).substring(0, 4), candidate);
            if (earlier != null) {
                first = earlier;
                second = candidate;
            }
        }
        StoredContent a = store.put(first);
        StoredContent b = store.put(second);
        CliRun run = CliRun.run(home, "show-override", a.sha256().substring(0, 4));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdoutBytes()).isEmpty();
        assertThat(run.err())
                .contains("matches 2 stored overrides")
                .contains(a.sha256().substring(0, 16) + "  " + a.humanHash())
                .contains(b.sha256().substring(0, 16) + "  " + b.humanHash());
    }

    @Test
    void nothingFoundExits2WithWhereItLooked() {
        CliRun run = CliRun.run(home, "show-vault", "abcdef");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("fleetroll: no stored vault matches \"abcdef\" (looked in " + home);
    }

    @Test
    void aKeyThatIsNeitherShaNorHumanHashIsBadInput() {
        CliRun run = CliRun.run(home, "show-override", "../etc/passwd");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is neither a sha256 prefix");
    }
}
