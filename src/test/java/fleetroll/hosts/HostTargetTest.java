package fleetroll.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostTargetTest {
    @Test
    void shortNameIsTheFirstLabel() {
        assertThat(HostTarget.parse("t-linux64-ms-238.test.releng.mdc1.mozilla.com")
                        .shortName())
                .isEqualTo("t-linux64-ms-238");
        assertThat(HostTarget.parse("10.1.2.3").shortName()).isEqualTo("10.1.2.3");
        assertThat(HostTarget.parse("[fe80::1]").shortName()).isEqualTo("fe80::1");
    }

    @Test
    void destinationKeepsTheUser() {
        assertThat(HostTarget.parse("root@host1").destination()).isEqualTo("root@host1");
        assertThat(HostTarget.parse("[::1]").destination()).isEqualTo("::1");
    }

    @Test
    void recordConstructorValidatesToo() {
        assertThatThrownBy(() -> new HostTarget("", "-oX")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new HostTarget("-l", "host")).isInstanceOf(BadInputException.class);
    }

    @Test
    void characterChecksAcceptExactlyWhatTheirPatternsAccept() {
        Map<Predicate<String>, Pattern> checks = Map.of(
                HostTarget::isName, Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}"),
                HostTarget::isUser, Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}"),
                HostTarget::isIpv6, Pattern.compile("[0-9A-Fa-f:.]{2,45}"),
                HostTarget::isIpv4, Pattern.compile("[0-9.]+"));
        // Mostly the characters the patterns take, so that long strings can match and the
        // length limits (253, 64, 45) are tried from both sides.
        String[] alphabets = {"aZ09._-:fFgG@[] \t\n-+ü", "aZ09._-", "09.", "0aF:."};
        Random random = new Random(11);
        for (int i = 0; i < 40_000; i++) {
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(4) == 0 ? 40 + random.nextInt(230) : random.nextInt(8);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            checks.forEach((check, pattern) -> assertThat(check.test(text))
                    .as(pattern + " on \"" + text + "\"")
                    .isEqualTo(pattern.matcher(text).matches()));
        }
    }

    @Test
    void argumentEndingInListOrNamingAFileIsAList(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("linux"), "a.example\nb.example\n");
        assertThat(TargetResolver.resolve(List.of(file.toString(), "c.example")))
                .extracting(HostTarget::host)
                .containsExactly("a.example", "b.example", "c.example");
        assertThat(TargetResolver.isListFile("hosts.list")).isTrue();
        assertThat(TargetResolver.isListFile("host1.example.org")).isFalse();
    }
}
