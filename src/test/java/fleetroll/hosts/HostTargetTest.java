package fleetroll.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void argumentEndingInListOrNamingAFileIsAList(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("linux"), "a.example\nb.example\n");
        assertThat(TargetResolver.resolve(List.of(file.toString(), "c.example")))
                .extracting(HostTarget::host)
                .containsExactly("a.example", "b.example", "c.example");
        assertThat(TargetResolver.isListFile("hosts.list")).isTrue();
        assertThat(TargetResolver.isListFile("host1.example.org")).isFalse();
    }
}
