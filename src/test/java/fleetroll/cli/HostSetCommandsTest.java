package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dry runs and bad input, without a fleet: neither may reach ssh. The ssh option below would make
 * any ssh that starts create a marker file, so "no marker" proves that none started.
 */
class HostSetCommandsTest {
    private static final String OVERRIDE = """
            PUPPET_REPO='https://github.com/mozilla-platform-ops/ronin_puppet.git'
            PUPPET_BRANCH='relops/canary'
            PUPPET_MAIL='releng@mozilla.com'
            """;
    private static final String VAULT = "taskcluster:\n  access_token: hunter2-secret-token\n";

    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    private String sshOption() {
        return "--ssh-option=-o 'ProxyCommand=touch " + tmp.resolve("ssh-ran") + "'";
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private void assertNothingSent() {
        assertThat(tmp.resolve("ssh-ran")).doesNotExist();
        assertThat(home().resolve("audit.jsonl")).doesNotExist();
    }

    @Test
    void theMarkerShowsWhenSshRuns() throws IOException {
        // The control for every "nothing sent" test below: a confirmed valid write starts ssh,
        // whose ProxyCommand leaves the marker (and then fails: it is no proxy).
        Path settings = file("ronin_settings", OVERRIDE);
        CliRun run = CliRun.run(
                home(),
                "host-set-override",
                "--confirm",
                "--no-audit",
                "--from-file",
                settings.toString(),
                sshOption(),
                "host1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(tmp.resolve("ssh-ran")).exists();
        assertThat(home().resolve("audit.jsonl")).exists();
    }

    @Test
    void dryRunShowsThePlanAndStoresNothing() throws IOException {
        Path settings = file("ronin_settings", OVERRIDE);
        CliRun run = CliRun.run(
                home(), "host-set-override", "--from-file", settings.toString(), sshOption(), "host1", "host2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("DRY RUN: nothing was sent to any host.")
                .contains("set override on 2 hosts", "host1 host2", "/etc/puppet/ronin_settings")
                .contains(fleetroll.store.Sha256.hex(OVERRIDE.getBytes(StandardCharsets.UTF_8)))
                .contains("Validation:   passed")
                .contains("--- override contents ---\n" + OVERRIDE + "--- end ---")
                .contains("never audited (2)")
                .contains("<path>.bak.20250314T090502Z");
        assertNothingSent();
        assertThat(storedFiles("overrides")).isEmpty();
    }

    @Test
    void aVaultDryRunNeverShowsTheContents() throws IOException {
        Path vault = file("vault.yaml", VAULT);
        CliRun text = CliRun.run(home(), "host-set-vault", "--from-file", vault.toString(), sshOption(), "host1");
        CliRun json =
                CliRun.run(home(), "host-set-vault", "--json", "--from-file", vault.toString(), sshOption(), "host1");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("not shown: vault contents are secret", "/root/vault.yaml", "mode 0640");
        assertThat(json.out()).contains("\"action\" : \"host.set_vault\"", "\"dry_run\" : true");
        for (CliRun run : new CliRun[] {text, json}) {
            assertThat(run.out() + run.err()).doesNotContain("hunter2");
        }
        assertNothingSent();
        assertThat(storedFiles("vault_yamls")).isEmpty();
    }

    @Test
    void aFailedCheckMakesTheDryRunExit2AndListsEveryProblem() throws IOException {
        Path settings = file("ronin_settings", "PUPPET_BRANCH='a b'\nif then\n");
        CliRun run = CliRun.run(home(), "host-set-override", "--from-file", settings.toString(), sshOption(), "host1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out())
                .contains("Validation:   FAILED (2 problems)")
                .contains(settings + ":2: syntax error near unexpected token `then' (in: if then)")
                .contains(settings + ":1: PUPPET_BRANCH is not a branch name");
        assertNothingSent();
    }

    @Test
    void aFailedCheckStopsAConfirmedRunBeforeAnySsh() throws IOException {
        Path settings = file("ronin_settings", "PUPPET_MAIL=nobody\n");
        CliRun run = CliRun.run(
                home(), "host-set-override", "--confirm", "--from-file", settings.toString(), sshOption(), "host1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("fleetroll: " + settings + ":1: PUPPET_MAIL is not an email address: \"nobody\"")
                .contains("nothing was sent");
        assertNothingSent();
    }

    @Test
    void noValidateSkipsTheChecksButNotTheEmptyCheck() throws IOException {
        Path binary = tmp.resolve("binary");
        Files.write(binary, new byte[] {0, 1, 2, (byte) 0xff});
        CliRun run = CliRun.run(
                home(), "host-set-override", "--no-validate", "--from-file", binary.toString(), sshOption(), "h1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("skipped (--no-validate)", "(4 bytes, not UTF-8 text: not shown)");
        CliRun empty = CliRun.run(
                home(),
                "host-set-override",
                "--no-validate",
                "--confirm",
                "--from-file",
                file("empty", "").toString(),
                sshOption(),
                "h1");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("is empty");
        assertNothingSent();
    }

    @Test
    void missingUnreadableAndEmptyFilesAreBadInput() throws IOException {
        Files.createDirectory(tmp.resolve("adir"));
        String[][] cases = {
            {tmp.resolve("missing").toString(), "no such file"},
            {tmp.resolve("adir").toString(), "is a directory"},
            {file("empty", "").toString(), "is empty"},
        };
        for (String[] c : cases) {
            for (String command : new String[] {"host-set-override", "host-set-vault"}) {
                CliRun run = CliRun.run(home(), command, "--confirm", "--from-file", c[0], sshOption(), "host1");
                assertThat(run.exitCode()).as(command + " " + c[0]).isEqualTo(2);
                assertThat(run.err()).startsWith("fleetroll: --from-file " + c[0] + ": " + c[1]);
            }
        }
        assertNothingSent();
    }

    @Test
    void aBadVaultIsRefusedWithoutEchoingIt() throws IOException {
        Path vault = file("vault.yaml", "token: hunter2: secret\n");
        CliRun run = CliRun.run(
                home(), "host-set-vault", "--confirm", "--from-file", vault.toString(), sshOption(), "host1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(vault + ":1:").contains("not valid YAML").doesNotContain("hunter2");
        assertNothingSent();
    }

    @Test
    void aBadHostListEntryIsBadInputBeforeAnySsh() throws IOException {
        Path settings = file("ronin_settings", OVERRIDE);
        Path list = file("hosts.list", "host1\n-oProxyCommand=touch /tmp/pwned\n");
        CliRun run = CliRun.run(
                home(),
                "host-set-override",
                "--confirm",
                "--from-file",
                settings.toString(),
                sshOption(),
                list.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("hosts.list:2: not a host name or address");
        assertNothingSent();
    }

    @Test
    void badModeOwnerAndPathAreBadInput() throws IOException {
        Path settings = file("ronin_settings", OVERRIDE);
        String[][] cases = {
            {"--mode", "4755", "--mode: not a file mode"},
            {"--owner", "root;id", "--owner: not a user name"},
            {"--group", "$(id)", "--group: not a group name"},
            {"--path", "relative/file", "--path: not an absolute path"},
            {"--path", "/etc/../root/x", "--path: no . or .."},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.run(
                    home(),
                    "host-set-override",
                    "--confirm",
                    c[0],
                    c[1],
                    "--from-file",
                    settings.toString(),
                    sshOption(),
                    "host1");
            assertThat(run.exitCode()).as(c[0] + " " + c[1]).isEqualTo(2);
            assertThat(run.err()).as(c[0] + " " + c[1]).contains(c[2]);
        }
        assertNothingSent();
    }

    @Test
    void unsetDryRunChangesNothing() {
        CliRun run = CliRun.run(home(), "host-unset-override", sshOption(), "host1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("remove override from 1 host", "moved to <path>.bak.20250314T090502Z");
        assertNothingSent();
    }

    @Test
    void everyWriteCommandHasExamplesInItsHelp() {
        for (String command : new String[] {
            "host-set-override", "host-unset-override", "host-set-vault", "show-override", "show-vault"
        }) {
            CliRun run = CliRun.run(home(), command, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).as(command).contains("Examples:", "fleetroll " + command);
        }
    }

    private java.util.List<Path> storedFiles(String dir) throws IOException {
        Path d = home().resolve(dir);
        if (!Files.isDirectory(d)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(d)) {
            return files.toList();
        }
    }
}
