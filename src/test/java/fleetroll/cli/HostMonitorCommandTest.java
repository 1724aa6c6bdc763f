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
}
