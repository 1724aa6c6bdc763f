package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.config.FleetrollHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path home;

    record Run(int exit, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandContext context = CommandContext.forTest(
                Map.of("FLEETROLL_HOME", home.toString()), new FleetrollHome(home), Clock.systemUTC());
        int exit = Main.run(args, context, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version").out()).startsWith("fleetroll ");
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("host-audit", "debug-host-script", "Examples:");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : Main.subcommands(
                        CommandContext.forTest(Map.of(), new FleetrollHome(home), Clock.systemUTC()))
                .keySet()) {
            if (command.equals("generate-completion")) {
                continue;
            }
            Run help = run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Examples:");
        }
    }

    @Test
    void badHostIsOneLineAndExitTwoBeforeAnySsh() {
        Run r = run("host-audit", "--", "-oProxyCommand=touch /tmp/fleetroll-pwned");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("fleetroll: not a host name or address: \"-oProxyCommand=touch /tmp/fleetroll-pwned\"\n");
        assertThat(Files.exists(Path.of("/tmp/fleetroll-pwned"))).isFalse();
    }

    @Test
    void unknownOptionIsExitTwoWithAHint() {
        Run r = run("host-audit", "--no-such-flag", "host1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option").contains("--help");
    }

    @Test
    void badTimeoutIsBadInput() {
        Run r = run("host-audit", "--timeout", "soon", "host1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("fleetroll: --timeout: not a duration");
    }

    @Test
    void configFileSetsDefaultsAndFlagsWin() throws Exception {
        Files.writeString(home.resolve("config.yaml"), "workers: 0\n");
        assertThat(run("host-audit", "host1").err()).contains("--workers must be between 1 and 1000, not 0");
        Files.writeString(home.resolve("config.yaml"), "workers: [\n");
        assertThat(run("host-audit", "host1").err()).contains("config.yaml: not valid YAML");
    }

    @Test
    void debugHostScriptPrintsTheProbeAndItsSshForm() {
        Run plain = run("debug-host-script");
        assertThat(plain.out())
                .startsWith("FLEETROLL_KNOWN_VAULTS=''\n")
                .contains("sudo")
                .contains("FLEETROLL_PROBE 1");
        Run wrapped = run("debug-host-script", "--wrap", "--ssh-option", "-F lab/ssh_config", "fleet@host1");
        assertThat(wrapped.out())
                .startsWith("ssh -o BatchMode=yes -o ConnectTimeout=10 -o StrictHostKeyChecking=accept-new -T -F"
                        + " lab/ssh_config -- fleet@host1 'sudo -n sh -s' <<'__FLEETROLL_PROBE_END__'\n")
                .endsWith("__FLEETROLL_PROBE_END__\n");
    }

    @Test
    void completionScriptIsGenerated() {
        assertThat(run("generate-completion").out()).contains("complete").contains("host-audit");
    }
}
