package fleetroll.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RoninSettingsTest {
    @Test
    void readsQuotedAndBareBranches() {
        assertThat(RoninSettings.puppetBranch(
                        "PUPPET_REPO='https://github.com/u/ronin_puppet.git'\nPUPPET_BRANCH='bug1'\n"))
                .contains("bug1");
        assertThat(RoninSettings.puppetBranch("PUPPET_BRANCH=\"feature/x\"")).contains("feature/x");
        assertThat(RoninSettings.puppetBranch("export PUPPET_BRANCH=main # the default\r\n"))
                .contains("main");
    }

    @Test
    void ignoresCommentsAndTakesTheLastAssignment() {
        assertThat(RoninSettings.puppetBranch("#PUPPET_BRANCH='old'\nPUPPET_BRANCH='a'\nPUPPET_BRANCH='b'\n"))
                .contains("b");
        assertThat(RoninSettings.puppetBranch("# PUPPET_BRANCH='x'\n")).isEmpty();
        assertThat(RoninSettings.puppetBranch("MY_PUPPET_BRANCH='x'\n")).isEmpty();
    }

    @Test
    void emptyOrMissingOrBinaryGivesNothing() {
        assertThat(RoninSettings.puppetBranch("PUPPET_BRANCH=''\n")).isEmpty();
        assertThat(RoninSettings.puppetBranch("")).isEmpty();
        assertThat(RoninSettings.puppetBranch(new byte[] {(byte) 0xff, (byte) 0xfe}))
                .isEmpty();
        assertThat(RoninSettings.puppetBranch("PUPPET_BRANCH='ü'".getBytes(StandardCharsets.UTF_8)))
                .contains("ü");
    }
}
