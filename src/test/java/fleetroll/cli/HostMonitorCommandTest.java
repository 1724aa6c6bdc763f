package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.config.FleetrollHome;
import fleetroll.store.Json;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** host-monitor's non-interactive outputs, end to end on a seeded store (not a terminal). */
class HostMonitorCommandTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    FleetrollHome home;
    Path list;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void seed() throws IOException {
        home = new FleetrollHome(dir.resolve("home"));
        list = Files.writeString(dir.resolve("lab.list"), "# fqdn: example.org\nweb2\nweb10\nweb1\nnew\n");
        try (LocalState state = LocalState.open(home)) {
            for (String host : new String[] {"web1", "web2", "web10"}) {
                state.observations().add(audit(host + ".example.org", 120, true));
            }
            state.observations().add(audit("web2.example.org", 30, false));
        }
    }

    static Observation audit(String host, long secondsAgo, boolean ok) {
        ObservedState observed = ok
                ? new ObservedState(
                        "Linux",
                        true,
                        "gecko_t_linux_talos",
                        false,
                        null,
                        null,
                        false,
                        null,
                        null,
                        3600L,
                        NOW.getEpochSecond() - 600,
                        true,
                        null,
                        null,
                        null,
                        null)
                : null;
        return new Observation(
                Observation.timestamp(NOW.minusSeconds(secondsAgo)),
                "test",
                Observation.ACTION_AUDIT,
                host,
                ok,
                ok ? 0 : 255,
                ok ? "" : "ssh: connect to host web2 port 22: Connection refused",
                ok ? null : "connection_refused",
                observed);
    }

    int run(Map<String, String> env, String... args) {
        CommandContext context = CommandContext.forTest(env, home, Clock.fixed(NOW, ZoneOffset.UTC));
        return Main.run(args, context, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    int run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void onceprintsOneLinePerHostSortedWithoutColour() {
        int code = run("host-monitor", "--once", list.toString());

        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(5);
        assertThat(out.toString().lines().map(l -> l.split("\\s+")[0]))
                .containsExactly(
                        "HOST", "new.example.org", "web1.example.org", "!web2.example.org", "web10.example.org");
        assertThat(out.toString()).doesNotContain("\033");
        assertThat(out.toString().lines().skip(1).findFirst().orElseThrow()).contains("?");
        assertThat(err.toString())
                .contains("the newest audit of 1 host failed")
                .contains(
                        "web2.example.org: connection_refused: ssh: connect to host web2 port 22: Connection refused");
    }

    @Test
    void colourOnlyWhenForced() {
        run("host-monitor", "--once", "--color=always", list.toString());
        assertThat(out.toString()).contains("\033[");
        out.getBuffer().setLength(0);
        run(Map.of("NO_COLOR", "1"), "host-monitor", "--once", list.toString());
        assertThat(out.toString()).doesNotContain("\033");
    }

    @Test
    void jsonOnceIsOneObjectPerHost() throws IOException {
        int code = run("host-monitor", "--once", "--json", list.toString());
        JsonNode json = Json.MAPPER.readTree(out.toString());

        assertThat(code).isZero();
        assertThat(json.size()).isEqualTo(4);
        assertThat(json.path("web2.example.org")
                        .path("observation")
                        .path("error")
                        .asText())
                .isEqualTo("connection_refused");
        assertThat(json.path("new.example.org").path("observation").isNull()).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void badHostListIsBadInput() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.list"), "-oProxyCommand=x\n");
        assertThat(run("host-monitor", "--once", bad.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("bad.list:1: not a host name or address");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpHasExamples() {
        assertThat(run("host-monitor", "--help")).isZero();
        assertThat(out.toString()).contains("--once", "--json", "--color", "Examples:", "fleetroll host-monitor");
    }

    @Test
    void onceWithFilterPrintsTheMatchingHostsInTheQuerysOrder() {
        int code = run("host-monitor", "--once", "--filter", "os=L sort:host:desc", list.toString());

        assertThat(code).isZero();
        assertThat(out.toString().lines().map(l -> l.split("\\s+")[0]))
                .containsExactly("HOST", "web10.example.org", "!web2.example.org", "web1.example.org");
    }

    @Test
    void hostnameOnlyPrintsJustTheNamesForAHostList() {
        int code = run("host-monitor", "--once", "--hostname-only", "--filter", "os=L", list.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("web1.example.org\nweb2.example.org\nweb10.example.org\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void hostnameOnlyWithoutFilterListsEveryHost() {
        run("host-monitor", "--once", "--hostname-only", list.toString());
        assertThat(out.toString().lines())
                .containsExactly("new.example.org", "web1.example.org", "web2.example.org", "web10.example.org");
    }

    @Test
    void aQueryThatDoesNotParseIsOneLineNamingTheTermAndExit2() {
        int code = run("host-monitor", "--once", "--filter", "os=L pp_last>abc", list.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .isEqualTo("fleetroll: --filter: bad query at position 14 (pp_last>abc): \"abc\" is not a duration;"
                        + " write 30m, 1h30m, 2d or 2h 05m\n");
    }

    @Test
    void anUnknownColumnIsBadInput() {
        assertThat(run("host-monitor", "--once", "--filter", "colour=red", list.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("unknown column \"colour\"").hasLineCount(1);
    }

    @Test
    void filterFileReadsASavedFilter() throws IOException {
        Path file = Files.writeString(
                dir.resolve("web1.yaml"), "query: host=web1.example.org|web10.example.org\ndescription: two\n");
        int code = run("host-monitor", "--once", "--hostname-only", "--filter-file", file.toString(), list.toString());

        assertThat(code).isZero();
        assertThat(out.toString().lines()).containsExactly("web1.example.org", "web10.example.org");
    }

    @Test
    void aBrokenFilterFileIsBadInputNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "description: no query here\n");
        assertThat(run("host-monitor", "--once", "--filter-file", file.toString(), list.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("broken.yaml: no query:");
    }

    @Test
    void jsonWithFilterHasOnlyTheMatchingHosts() throws IOException {
        int code = run("host-monitor", "--once", "--json", "--filter", "os=?", list.toString());
        JsonNode json = Json.MAPPER.readTree(out.toString());

        assertThat(code).isZero();
        assertThat(json.properties()).extracting(Map.Entry::getKey).containsExactly("new.example.org");
    }

    @Test
    void hostnameOnlyNeedsOnceAndNotJson() {
        assertThat(run("host-monitor", "--hostname-only", list.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("host-monitor", "--once", "--json", "--hostname-only", list.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--hostname-only goes with --once, and not with --json");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void filterAndFilterFileTogetherAreRefused() {
        assertThat(run("host-monitor", "--once", "--filter", "os=L", "--filter-file", "x.yaml", list.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("give --filter or --filter-file, not both");
    }

    @Test
    void helpShowsFilterExamples() {
        assertThat(run("host-monitor", "--help")).isZero();
        assertThat(out.toString())
                .contains("--filter=QUERY", "--filter-file=FILE", "--hostname-only", "sort:pp_last:desc");
        assertThat(out.toString().lines()).allMatch(l -> l.length() <= 100, "lines of at most 100 columns");
    }
}
