package fleetroll.taskcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcCredentialsTest {
    private static final String TOKEN = "s3cr3t-TOKEN-value-1234567890";

    @TempDir
    Path home;

    @Test
    void environmentComesFirstAndIsNeverShown() throws IOException {
        Files.writeString(home.resolve(".tc_token"), "{\"clientId\": \"file-id\", \"accessToken\": \"file-token\"}");

        TcCredentials.Lookup lookup = TcCredentials.load(
                Map.of("TASKCLUSTER_CLIENT_ID", "mozilla-auth0/ad|me", "TASKCLUSTER_ACCESS_TOKEN", TOKEN), home);

        TcCredentials credentials = lookup.credentials().orElseThrow();
        assertThat(credentials.accessToken()).isEqualTo(TOKEN);
        assertThat(credentials.clientId()).isEqualTo("mozilla-auth0/ad|me");
        assertThat(credentials.toString()).doesNotContain(TOKEN).doesNotContain("ad|me");
        assertThat(lookup.description()).isEqualTo("from TASKCLUSTER_CLIENT_ID/TASKCLUSTER_ACCESS_TOKEN");
    }

    @Test
    void tokenFileIsReadWhenTheEnvironmentHasNotBoth() throws IOException {
        Path file = Files.writeString(
                home.resolve(".tc_token"), "{\"clientId\": \"file-id\", \"accessToken\": \"" + TOKEN + "\"}");

        TcCredentials.Lookup lookup = TcCredentials.load(Map.of("TASKCLUSTER_CLIENT_ID", "only-id"), home);

        assertThat(lookup.credentials().orElseThrow().accessToken()).isEqualTo(TOKEN);
        assertThat(lookup.description()).isEqualTo("from " + file);
        assertThat(lookup.warning()).isEmpty();
    }

    @Test
    void noCredentialsIsFineForReads() {
        TcCredentials.Lookup lookup = TcCredentials.load(Map.of(), home);

        assertThat(lookup.credentials()).isEmpty();
        assertThat(lookup.description()).isEqualTo("none (reads need none)");
        assertThat(lookup.warning()).isEmpty();
    }

    @Test
    void aBrokenTokenFileIsAWarningThatDoesNotQuoteIt() throws IOException {
        Files.writeString(home.resolve(".tc_token"), "clientId: x\naccessToken: " + TOKEN + "\n");

        TcCredentials.Lookup lookup = TcCredentials.load(Map.of(), home);

        assertThat(lookup.credentials()).isEmpty();
        assertThat(lookup.warning().orElseThrow())
                .isEqualTo("ignoring " + home.resolve(".tc_token") + ": it is not JSON (reads need no credentials)")
                .doesNotContain(TOKEN);
    }

    @Test
    void aTokenFileWithoutBothFieldsIsAWarning() throws IOException {
        Files.writeString(home.resolve(".tc_token"), "{\"accessToken\": \"" + TOKEN + "\"}");

        TcCredentials.Lookup lookup = TcCredentials.load(Map.of(), home);

        assertThat(lookup.credentials()).isEmpty();
        assertThat(lookup.warning().orElseThrow())
                .endsWith("it has no clientId and accessToken (reads need no credentials)");
    }
}
