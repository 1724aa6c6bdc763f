package fleetroll.remote;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.hosts.HostTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshCommandTest {
    @Test
    void ourOptionsComeFirstAndTheDestinationFollowsDoubleDash() {
        SshSettings settings = new SshSettings(
                List.of("-F", "lab/ssh_config"),
                Duration.ofSeconds(7),
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                4);
        List<String> argv = SshCommand.argv(settings, HostTarget.parse("fleet@host1"), "sudo -n sh -s");
        assertThat(argv)
                .containsExactly(
                        "ssh",
                        "-o",
                        "BatchMode=yes",
                        "-o",
                        "ConnectTimeout=7",
                        "-o",
                        "StrictHostKeyChecking=accept-new",
                        "-T",
                        "-F",
                        "lab/ssh_config",
                        "--",
                        "fleet@host1",
                        "sudo -n sh -s");
    }
}
