package fleetroll.taskcluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerTypeOverrideTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "WORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-alpha'",
                "WORKER_TYPE_OVERRIDE=\"gecko-t-linux-talos-1804-alpha\"",
                "WORKER_TYPE_OVERRIDE=gecko-t-linux-talos-1804-alpha",
                "export WORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-alpha'",
                "  WORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-alpha'  # testing the alpha pool",
                "WORKER_TYPE_OVERRIDE=gecko-t-linux-talos-1804-alpha;",
            })
    void readsEachShellQuotingForm(String line) {
        String file = "PUPPET_REPO='https://github.com/me/ronin_puppet.git'\nPUPPET_BRANCH='fix'\n" + line + "\n";

        assertThat(WorkerTypeOverride.find(file)).contains("gecko-t-linux-talos-1804-alpha");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#WORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-alpha'",
                "  # WORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-alpha'",
                "MY_WORKER_TYPE_OVERRIDE='gecko-t-linux-talos-1804-alpha'",
                "WORKER_TYPE_OVERRIDE=''",
                "WORKER_TYPE_OVERRIDE=",
                "echo WORKER_TYPE_OVERRIDE=x",
            })
    void ignoresCommentedEmptyAndOtherLines(String line) {
        assertThat(WorkerTypeOverride.find("PUPPET_BRANCH='fix'\n" + line + "\n"))
                .isEmpty();
    }

    @Test
    void lastAssignmentWinsAsInSh() {
        String file = "WORKER_TYPE_OVERRIDE='first'\r\nWORKER_TYPE_OVERRIDE='second'\r\n";

        assertThat(WorkerTypeOverride.find(file)).contains("second");
    }

    @Test
    void laterEmptyAssignmentCancelsTheOverride() {
        assertThat(WorkerTypeOverride.find("WORKER_TYPE_OVERRIDE='first'\nWORKER_TYPE_OVERRIDE=''\n"))
                .isEmpty();
    }

    @Test
    void emptyFileAndInvalidUtf8HaveNoOverride() {
        assertThat(WorkerTypeOverride.find(new byte[0])).isEmpty();
        assertThat(WorkerTypeOverride.find(new byte[] {(byte) 0xff, (byte) 0xfe, 'W', '\n'}))
                .isEmpty();
    }
}
