package fleetroll.monitor;

import static fleetroll.monitor.Fixtures.minutes;
import static fleetroll.monitor.Fixtures.ok;
import static fleetroll.monitor.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.config.FleetrollHome;
import fleetroll.hosts.HostTarget;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and following a real store, as two processes would share it. */
class FleetLoaderTest {
    static final List<HostTarget> HOSTS = List.of(
            HostTarget.parse("web1.example.org"),
            HostTarget.parse("web2.example.org"),
            HostTarget.parse("root@web1.example.org"));

    @Test
    void loadsEveryRequestedHostInOrder(@TempDir Path dir) {
        FleetrollHome home = new FleetrollHome(dir);
        try (LocalState writer = LocalState.open(home);
                LocalState reader = LocalState.open(home)) {
            String sha = writer.overrides()
                    .put("PUPPET_BRANCH='bug42'\n".getBytes(StandardCharsets.UTF_8))
                    .sha256();
            writer.observations()
                    .add(ok("web1.example.org", minutes(3), state(s -> s.override(sha, Fixtures.ago(minutes(60))))));
            writer.workers().add(Fixtures.worker("web2"));

            FleetSnapshot snapshot = new FleetLoader(reader, HOSTS).loadAll();

            assertThat(snapshot.hosts())
                    .extracting(HostFacts::host)
                    .containsExactly("web1.example.org", "web2.example.org", "web1.example.org");
            assertThat(snapshot.hosts().get(0).overrideBranch()).isEqualTo("bug42");
            assertThat(snapshot.hosts().get(1).audit()).isEqualTo(AuditStatus.NEVER_AUDITED);
            assertThat(snapshot.hosts().get(1).worker()).isNotNull();
            assertThat(snapshot.suffix()).isEqualTo("example.org");
            assertThat(snapshot.version()).isPositive();
        }
    }

    @Test
    void refreshSeesWhatAnotherConnectionAddsAndNothingElse(@TempDir Path dir) {
        FleetrollHome home = new FleetrollHome(dir);
        try (LocalState writer = LocalState.open(home);
                LocalState reader = LocalState.open(home)) {
            FleetLoader loader = new FleetLoader(reader, HOSTS);
            FleetSnapshot first = loader.loadAll();
            assertThat(loader.refresh()).isEmpty();

            writer.observations().add(ok("other.example.org", minutes(1), state()));
            assertThat(loader.refresh()).as("a host not asked for").isEmpty();

            Observation o = writer.observations().add(ok("web1.example.org", minutes(1), state()));
            writer.workers().add(Fixtures.worker("web1"));
            FleetLoader.Update update = loader.refresh().orElseThrow();

            assertThat(update.added()).containsExactly(o);
            assertThat(update.snapshot().version()).isGreaterThan(first.version());
            assertThat(update.snapshot().hosts().get(0).audit()).isEqualTo(AuditStatus.OK);
            assertThat(update.snapshot().hosts().get(0).worker()).isNotNull();
            assertThat(update.snapshot().hosts().get(2).audit())
                    .as("root@web1 is the same host")
                    .isEqualTo(AuditStatus.OK);
            assertThat(update.snapshot().hosts().get(1).audit()).isEqualTo(AuditStatus.NEVER_AUDITED);
            assertThat(loader.refresh()).isEmpty();
        }
    }

    @Test
    void refreshCatchesUpOnMoreRowsThanOnePage(@TempDir Path dir) {
        FleetrollHome home = new FleetrollHome(dir);
        try (LocalState writer = LocalState.open(home);
                LocalState reader = LocalState.open(home)) {
            FleetLoader loader = new FleetLoader(reader, HOSTS);
            loader.loadAll();
            for (int i = 0; i < FleetLoader.PAGE + 5; i++) {
                writer.observations().add(ok("other.example.org", java.time.Duration.ofSeconds(600 + i), state()));
            }
            Observation last = writer.observations().add(ok("web2.example.org", minutes(1), state()));

            assertThat(loader.refresh().orElseThrow().added()).containsExactly(last);
        }
    }

    @Test
    void detailHasTheHistoryAndTheOverrideContents(@TempDir Path dir) {
        FleetrollHome home = new FleetrollHome(dir);
        try (LocalState state = LocalState.open(home)) {
            String sha = state.overrides()
                    .put("PUPPET_BRANCH='bug42'\n".getBytes(StandardCharsets.UTF_8))
                    .sha256();
            for (int i = 30; i >= 1; i--) {
                state.observations().add(ok("web1.example.org", minutes(i), state(s -> s.override(sha, null))));
            }
            FleetLoader loader = new FleetLoader(state, HOSTS);
            loader.loadAll();

            HostDetail detail = loader.detail("web1.example.org");

            assertThat(detail.history()).hasSize(FleetLoader.DETAIL_HISTORY);
            assertThat(detail.history().get(0).ts())
                    .isGreaterThan(detail.history().get(1).ts());
            assertThat(detail.overrideText()).isEqualTo("PUPPET_BRANCH='bug42'\n");
            assertThat(loader.detail("web2.example.org").history()).isEmpty();
        }
    }
}
