package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.config.FleetrollHome;
import fleetroll.hosts.HostTarget;
import fleetroll.query.Query;
import fleetroll.store.LocalState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Not a terminal and no --once: the table, then a line per new audit as another process stores it. */
class FollowMonitorTest {
    static final List<HostTarget> HOSTS = List.of(HostTarget.parse("web1.example.org"));

    String follow(Path dir, boolean json) throws Exception {
        return follow(dir, json, Query.EMPTY, HOSTS);
    }

    /** Stores an audit of each host, starts following, then stores a failed audit of each in turn. */
    String follow(Path dir, boolean json, Query query, List<HostTarget> hosts) throws Exception {
        FleetrollHome home = new FleetrollHome(dir);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        AtomicBoolean stop = new AtomicBoolean();
        try (LocalState writer = LocalState.open(home);
                LocalState reader = LocalState.open(home)) {
            for (HostTarget h : hosts) {
                writer.observations().add(ok(h.host(), minutes(5), state()));
            }
            FleetLoader loader = new FleetLoader(reader, hosts);
            FleetSnapshot first = loader.loadAll();
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    FollowMonitor.run(
                            loader,
                            first,
                            query,
                            Clock.fixed(Fixtures.NOW, ZoneOffset.UTC),
                            out,
                            json,
                            false,
                            stop::get);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            int shown = query.isEmpty() ? hosts.size() : 1;
            waitFor(text, json ? 1 : 1 + shown);
            writer.observations().add(ok("other.example.org", minutes(1), state()));
            for (HostTarget h : hosts) {
                writer.observations().add(Fixtures.failed(h.host(), minutes(1), "timed_out", "x"));
            }
            waitFor(text, json ? 2 : 2 + shown);
            stop.set(true);
            t.join(5000);
        }
        return text.toString();
    }

    static void waitFor(StringWriter text, int lines) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (text.toString().lines().count() < lines && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void printsTheTableThenOneRowPerNewAudit(@TempDir Path dir) throws Exception {
        List<String> lines = follow(dir, false).lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("HOST");
        assertThat(lines.get(1)).startsWith("web1.example.org ");
        assertThat(lines.get(2)).startsWith("!web1.example.org ");
    }

    @Test
    void withJsonPrintsTheObjectThenJsonLines(@TempDir Path dir) throws Exception {
        String out = follow(dir, true);
        List<String> lines = out.lines().toList();
        String last = lines.get(lines.size() - 1);

        assertThat(last)
                .startsWith("{")
                .contains("\"host\":\"web1.example.org\"")
                .contains("\"error\":\"timed_out\"");
        assertThat(out).doesNotContain("other.example.org");
    }

    @Test
    void withAQueryPrintsOnlyTheHostsItKeeps(@TempDir Path dir) throws Exception {
        List<HostTarget> hosts = List.of(HostTarget.parse("web1.example.org"), HostTarget.parse("web2.example.org"));
        List<String> lines = follow(dir, false, Column.queryParser().parse("host~web2"), hosts)
                .lines()
                .toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("web2.example.org ");
        assertThat(lines.get(2)).startsWith("!web2.example.org ");
    }
}
