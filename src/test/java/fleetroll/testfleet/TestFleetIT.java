package fleetroll.testfleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness itself: each kind of host behaves as the tests that use it expect. */
class TestFleetIT {
    private static TestFleet fleet;

    @BeforeAll
    static void startFleet() {
        fleet = TestFleet.shared();
    }

    /** ssh -F lab/ssh_config [options] HOST COMMAND, as the login user. */
    private static ProcessRunner.Result ssh(String host, String command, String... options) {
        List<String> argv =
                new ArrayList<>(List.of("ssh", "-F", fleet.sshConfig().toString()));
        argv.addAll(List.of(options));
        argv.add(host);
        argv.add(command);
        return ProcessRunner.run(argv, Map.of(), new byte[0], Duration.ofSeconds(30));
    }

    private static String out(ProcessRunner.Result r) {
        return new String(r.stdout(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void normalHostsAnswerWithTheirOwnNameAndRole() {
        List<String> hosts = fleet.allocate(3);
        for (String host : hosts) {
            int k = Integer.parseInt(host.substring("host".length()));
            String role = List.of("role_a", "role_b", "role_c").get((k - 1) % 3);
            ProcessRunner.Result r = ssh(host, "echo $(hostname) $(cat /etc/puppet_role)");
            assertThat(r.exitCode()).as(r.stderrText()).isZero();
            assertThat(out(r)).isEqualTo(host + " " + role);
        }
    }

    @Test
    void loginUserHasPasswordlessSudo() {
        String host = fleet.allocate(1).get(0);
        ProcessRunner.Result r = ssh(host, "echo $(id -un) $(sudo -n id -un)");
        assertThat(out(r)).isEqualTo("fleet root");
    }

    @Test
    void allocateNeverHandsOutAHostTwice() {
        List<String> first = fleet.allocate(2);
        List<String> second = fleet.allocate(2);
        assertThat(second).doesNotContainAnyElementsOf(first);
    }

    @Test
    void unreachableRefusesAtOnce() {
        ProcessRunner.Result r = ssh(TestFleet.UNREACHABLE, "true");
        assertThat(r.exitCode()).isEqualTo(255);
        assertThat(r.stderrText()).contains("Connection refused");
    }

    @Test
    void blackholeTimesOutConnecting() {
        ProcessRunner.Result r = ssh(TestFleet.BLACKHOLE, "true", "-o", "ConnectTimeout=1");
        assertThat(r.exitCode()).isEqualTo(255);
        assertThat(r.stderrText()).contains("port 2222: Connection timed out");
    }

    @Test
    void hangTimesOutDuringBannerExchange() {
        ProcessRunner.Result r = ssh(TestFleet.HANG, "true", "-o", "ConnectTimeout=1");
        assertThat(r.exitCode()).isEqualTo(255);
        assertThat(r.stderrText()).contains("timed out during banner exchange");
    }

    @Test
    void slowStartsEveryCommandLateThenWorks() {
        Instant start = Instant.now();
        ProcessRunner.Result r = ssh(TestFleet.SLOW, "sudo -n cat /etc/puppet_role");
        assertThat(Duration.between(start, Instant.now()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(TestFleet.SLOW_SECONDS));
        assertThat(r.exitCode()).isZero();
        assertThat(out(r)).isEqualTo("role_a");
    }

    @Test
    void nosudoRefusesSudo() {
        ProcessRunner.Result r = ssh(TestFleet.NOSUDO, "sudo -n true");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrText()).contains("a password is required");
    }

    @Test
    void noauthRejectsOurKey() {
        ProcessRunner.Result r = ssh(TestFleet.NOAUTH, "true");
        assertThat(r.exitCode()).isEqualTo(255);
        assertThat(r.stderrText()).contains("Permission denied (publickey)");
    }

    @Test
    void macHostAnswersLikeMacOs() throws Exception {
        String mac = fleet.macHost();
        byte[] content = "PUPPET_BRANCH=mac\n".getBytes(StandardCharsets.UTF_8);
        fleet.writeFile(mac, "/opt/puppet_environments/ronin_settings", content, "640");
        String script = "uname -s; stat -f '%Lp %Su %Sg %z' /opt/puppet_environments/ronin_settings;"
                + " shasum -a 256 < /opt/puppet_environments/ronin_settings; sysctl -n kern.boottime;"
                + " cut -d. -f1 /proc/uptime; date +%s; stat -f '%Lp %Su %Sg' /var/root; wc -c < /etc/puppet_role";
        ProcessRunner.Result r = ProcessRunner.run(
                List.of("ssh", "-F", fleet.sshConfig().toString(), mac, "sudo -n sh -s"),
                Map.of(),
                script.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(30));
        assertThat(r.exitCode()).as(r.stderrText()).isZero();
        List<String> lines = out(r).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Darwin");
        assertThat(lines.get(1)).isEqualTo("640 root wheel " + content.length);
        assertThat(lines.get(2)).isEqualTo(sha256(content) + "  -");
        Matcher boot = Pattern.compile(
                        "\\{ sec = (\\d+), usec = 0 } \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}")
                .matcher(lines.get(3));
        assertThat(boot.matches()).as(lines.get(3)).isTrue();
        long uptime = Long.parseLong(lines.get(4));
        long now = Long.parseLong(lines.get(5));
        assertThat(Long.parseLong(boot.group(1))).isBetween(now - uptime - 2, now - uptime + 2);
        assertThat(lines.get(6)).isEqualTo("700 root wheel");
        assertThat(lines.get(7)).isEqualTo(String.format("%8d", "gecko_t_osx_1500_m4\n".length()));
    }

    @Test
    void macHostRefusesGnuOnlyCalls() {
        ProcessRunner.Result r = ssh(fleet.macHost(), "stat -c %a /etc; sha256sum /etc/hostname");
        assertThat(r.stderrText()).contains("stat: illegal option -- c").contains("sha256sum: command not found");
    }

    @Test
    void writeFileThenReadFileGivesTheExactBytes() {
        String host = fleet.allocate(1).get(0);
        byte[] content = {0, 'a', '\r', '\n', (byte) 0xff, (byte) 0xc3, 'z'};
        fleet.writeFile(host, "/etc/puppet/ronin_settings", content, "600");
        assertThat(fleet.readFile(host, "/etc/puppet/ronin_settings")).hasValue(content);
        assertThat(fleet.exec(host, "stat", "-c", "%a %U %G", "/etc/puppet/ronin_settings")
                        .stdout()
                        .strip())
                .isEqualTo("600 root root");
    }

    @Test
    void readFileOfAMissingFileIsEmpty() {
        assertThat(fleet.readFile(fleet.allocate(1).get(0), "/root/no-such-file"))
                .isEmpty();
    }

    @Test
    void aFileWrittenOnOneHostStaysOnThatHost() {
        List<String> hosts = fleet.allocate(2);
        fleet.writeFile(hosts.get(0), "/root/vault.yaml", "secret: 1\n", "600");
        assertThat(fleet.readFile(hosts.get(1), "/root/vault.yaml")).isEmpty();
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/root/vault.yaml")))
                .as("the real machine's /root/vault.yaml")
                .isFalse();
    }

    @Test
    void execRunsAsRootInsideTheHost() {
        String host = fleet.allocate(1).get(0);
        TestFleet.ExecResult r = fleet.exec(host, "sh", "-c", "echo $(hostname) $(id -u); echo oops >&2; exit 3");
        assertThat(r).isEqualTo(new TestFleet.ExecResult(3, host + " 0\n", "oops\n"));
    }

    @Test
    void sshOptionsNameTheLabConfig() {
        assertThat(fleet.sshOptions()).containsExactly("-F", fleet.sshConfig().toString());
        assertThat(fleet.sshConfig()).isRegularFile();
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
