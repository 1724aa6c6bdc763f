package fleetroll.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemoteScriptTest {
    @Test
    void loadsAScriptFromTheJar() {
        assertThat(RemoteScript.load("/fleetroll/remote/probe.sh")).isNotBlank();
    }

    @Test
    void aMissingScriptIsNamedInTheError() {
        assertThatThrownBy(() -> RemoteScript.load("/fleetroll/remote/absent.sh"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("absent.sh missing from the jar");
    }
}
