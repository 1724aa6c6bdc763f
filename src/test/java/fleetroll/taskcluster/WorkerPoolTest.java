package fleetroll.taskcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.BadInputException;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    @Test
    void bareWorkerTypeIsOnTheHardwareProvisioner() {
        assertThat(WorkerPool.parse("gecko-t-linux-talos-1804"))
                .isEqualTo(new WorkerPool("releng-hardware", "gecko-t-linux-talos-1804"));
    }

    @Test
    void provisionerSlashWorkerTypeNamesBoth() {
        assertThat(WorkerPool.parse(" proj-autophone/gecko-t-bitbar-gw-perf-a55 "))
                .isEqualTo(new WorkerPool("proj-autophone", "gecko-t-bitbar-gw-perf-a55"));
        assertThat(WorkerPool.parse("p/w")).hasToString("p/w");
    }

    @Test
    void rejectsWhatIsNotATaskclusterIdentifier() {
        for (String bad : new String[] {"", "a b", "a/b/c", "/w", "p/", "w\"}", "x".repeat(39)}) {
            assertThatThrownBy(() -> WorkerPool.parse(bad))
                    .as(bad)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("not a Taskcluster worker type");
        }
    }
}
