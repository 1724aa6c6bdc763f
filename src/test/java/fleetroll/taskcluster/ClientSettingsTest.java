package fleetroll.taskcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.BadInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
    @Test
    void defaultsToFirefoxCi() {
        ClientSettings settings = ClientSettings.fromEnvironment(Map.of(), Duration.ofSeconds(30));

        assertThat(settings.graphqlUrl()).isEqualTo(URI.create("https://firefox-ci-tc.services.mozilla.com/graphql"));
        assertThat(settings.attempts()).isEqualTo(3);
    }

    @Test
    void takesTheRootUrlFromTheEnvironmentWithoutTrailingSlash() {
        ClientSettings settings = ClientSettings.fromEnvironment(
                Map.of("TASKCLUSTER_ROOT_URL", "https://tc.example.org/"), Duration.ofSeconds(30));

        assertThat(settings.graphqlUrl()).isEqualTo(URI.create("https://tc.example.org/graphql"));
    }

    @Test
    void rejectsWhatIsNotAnHttpRootUrl() {
        for (String bad :
                new String[] {"firefox-ci-tc.services.mozilla.com", "ftp://x.org", "https://x.org/?a=b", "https://"}) {
            assertThatThrownBy(() -> ClientSettings.rootUrl(bad))
                    .as(bad)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("TASKCLUSTER_ROOT_URL is not a root URL such as https://firefox-ci-tc");
        }
    }

    @Test
    void neverEchoesAUrlWithUserInfo() {
        assertThatThrownBy(() -> ClientSettings.rootUrl("https://me:hunter2@tc.example.org"))
                .hasMessageEndingWith("(has user info; not shown)")
                .message()
                .doesNotContain("hunter2");
    }
}
