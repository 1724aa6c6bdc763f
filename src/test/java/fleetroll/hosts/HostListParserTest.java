package fleetroll.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostListParserTest {
    private static List<String> hosts(String text) {
        return HostListParser.parse("hosts.list", text).stream()
                .map(HostTarget::destination)
                .toList();
    }

    @Test
    void acceptsCommentsBlankLinesCrlfBomAndSurroundingBlanks() {
        assertThat(hosts("\uFEFF# fleet\r\n\r\n  host1.example.org  \r\n\thost2.example.org\t# spare\r\n"))
                .containsExactly("host1.example.org", "host2.example.org");
    }

    @Test
    void dropsDuplicatesKeepingTheFirstPosition() {
        assertThat(hosts("b.example\na.example\nb.example\n")).containsExactly("b.example", "a.example");
    }

    @Test
    void fqdnLineCompletesDotlessNamesAfterIt() {
        assertThat(
                        hosts(
                                "early\n# fqdn: test.releng.mdc1.mozilla.com\nhost1\nfleet@host2\nother.example.org\n10.0.0.1\n"))
                .containsExactly(
                        "early",
                        "host1.test.releng.mdc1.mozilla.com",
                        "fleet@host2.test.releng.mdc1.mozilla.com",
                        "other.example.org",
                        "10.0.0.1");
    }

    @Test
    void acceptsUserAtHostIpv4AndBracketedIpv6() {
        assertThat(HostListParser.parse("l", "root@host1\n192.168.1.20\n[2001:db8::1]\nfleet@[::1]\n"))
                .containsExactly(
                        new HostTarget("root", "host1"),
                        new HostTarget("", "192.168.1.20"),
                        new HostTarget("", "2001:db8::1"),
                        new HostTarget("fleet", "::1"));
    }

    @Test
    void rejectsEntryThatWouldReachSshAsAnOption(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("hosts.list"), "web1\n-oProxyCommand=touch /tmp/x\n");
        assertThatThrownBy(() -> HostListParser.parse(list))
                .isInstanceOf(BadInputException.class)
                .hasMessage("hosts.list:2: not a host name or address: \"-oProxyCommand=touch /tmp/x\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-oProxyCommand=x",
                "host;touch /tmp/z",
                "$(touch /tmp/y)",
                "`id`",
                "host|nc",
                "host&",
                "a b",
                "host\u00a0x",
                "@host",
                "user@",
                "-@host",
                "host..example",
                "[notipv6]",
                "2001:db8::1",
                "host>out",
                "'host'",
            })
    void rejectsAnythingThatIsNotAHostNameOrAddress(String entry) {
        assertThatThrownBy(() -> HostListParser.parse("x.list", "ok.example\n" + entry + "\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("x.list:2: not a host name or address");
    }

    @Test
    void rejectsFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path list = Files.write(dir.resolve("bin.list"), new byte[] {'h', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> HostListParser.parse(list)).hasMessage("bin.list: not UTF-8 text");
    }

    @Test
    void missingFileIsBadInput(@TempDir Path dir) {
        assertThatThrownBy(() -> HostListParser.parse(dir.resolve("none.list")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void emptyListResolvesToAnError(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("empty.list"), "# nothing\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TargetResolver.resolve(List.of(list.toString())))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("no hosts in");
    }
}
