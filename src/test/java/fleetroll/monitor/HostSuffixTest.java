package fleetroll.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.hosts.HostTarget;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostSuffixTest {
    static List<HostTarget> hosts(String... names) {
        return Arrays.stream(names).map(HostTarget::parse).toList();
    }

    @Test
    void findsTheLongestSharedSuffix() {
        assertThat(HostSuffix.common(hosts(
                        "t-linux64-ms-238.test.releng.mdc1.mozilla.com", "macmini-r8-1.test.releng.mdc1.mozilla.com")))
                .isEqualTo("test.releng.mdc1.mozilla.com");
    }

    @Test
    void stopsAtTheDeepestSharedLabel() {
        assertThat(HostSuffix.common(hosts("a.test.releng.mozilla.com", "b.wintest2.releng.mozilla.com")))
                .isEqualTo("releng.mozilla.com");
        assertThat(HostSuffix.common(hosts("a.xtest.example.org", "b.test.example.org")))
                .isEqualTo("example.org");
    }

    @Test
    void neverTakesTheFirstLabel() {
        assertThat(HostSuffix.common(hosts("host1.example.org"))).isEqualTo("example.org");
        assertThat(HostSuffix.common(hosts("b.c", "a.b.c"))).isEqualTo("c");
    }

    @Test
    void isEmptyWhenAnyHostHasNoDotOrIsAnAddress() {
        assertThat(HostSuffix.common(hosts("host1", "host2.example.org"))).isEmpty();
        assertThat(HostSuffix.common(hosts("10.0.0.1", "10.0.0.2"))).isEmpty();
        assertThat(HostSuffix.common(hosts("[fe80::1]"))).isEmpty();
        assertThat(HostSuffix.common(hosts("a.example.org", "b.example.com"))).isEmpty();
        assertThat(HostSuffix.common(List.of())).isEmpty();
    }

    @Test
    void stripsOnlyAWholeLabelSuffix() {
        assertThat(HostSuffix.strip("host1.example.org", "example.org")).isEqualTo("host1");
        assertThat(HostSuffix.strip("host1.myexample.org", "example.org")).isEqualTo("host1.myexample.org");
        assertThat(HostSuffix.strip("example.org", "example.org")).isEqualTo("example.org");
        assertThat(HostSuffix.strip("host1.example.org", "")).isEqualTo("host1.example.org");
    }
}
