package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.config.FleetrollHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training command that fails early would leave its path out of the launcher's AOT cache. */
class AotTrainingTest {
    @Test
    void hostMonitorRunsSucceedOnTheSeededStore(@TempDir Path home) throws Exception {
        List<Integer> codes = AotTraining.train(home);

        assertThat(codes.subList(codes.size() - 2, codes.size())).containsExactly(0, 0);
    }

    @Test
    void seededStoreHasEveryKindOfMonitorRow(@TempDir Path home) throws Exception {
        Path list = AotTraining.seedFleet(home);
        StringWriter out = new StringWriter();
        CommandContext context = CommandContext.forTest(
                Map.of("FLEETROLL_HOME", home.toString()), new FleetrollHome(home), Clock.systemUTC());

        int code = Main.run(
                new String[] {"host-monitor", "--once", list.toString()},
                context,
                new PrintWriter(out),
                new PrintWriter(new StringWriter()));

        assertThat(code).isZero();
        List<String> rows = out.toString().lines().skip(1).toList();
        assertThat(rows).hasSize(AotTraining.SEEDED_HOSTS + 1);
        assertThat(rows).anyMatch(r -> r.startsWith("!")); // newest audit failed
        assertThat(rows).anyMatch(r -> r.startsWith("never-audited"));
        assertThat(rows).anyMatch(r -> r.contains("aot-training")); // override branch
        assertThat(rows).anyMatch(r -> r.contains("YES")); // quarantined
    }
}
