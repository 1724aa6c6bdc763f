package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.store.Sha256;
import fleetroll.testfleet.TestFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * host-set-vault against real sshd hosts. After every test, no output, audit record or database
 * byte holds the secret; only vault_yamls/ (0600) and show-vault may.
 */
class HostSetVaultFleetIT {
    private static final String VAULT_PATH = "/root/vault.yaml";

    @TempDir
    Path tmp;

    FleetWrites w;
    TestFleet fleet;
    final String secret = "s3cr3t-" + UUID.randomUUID();
    final List<CliRun> runs = new ArrayList<>();

    @BeforeEach
    void setUp() {
        w = new FleetWrites(tmp.resolve("home"));
        fleet = w.fleet;
    }

    private CliRun run(String... args) {
        CliRun run = w.run(args);
        runs.add(run);
        return run;
    }

    private String vault(String version) {
        return "---\ntaskcluster:\n  client_id: project/releng/" + version + "\n  access_token: " + secret + "-"
                + version + "\n";
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @AfterEach
    void theSecretAppearsNowhereButTheVaultStore() throws IOException {
        for (CliRun run : runs) {
            assertThat(run.out()).doesNotContain(secret);
            assertThat(run.err()).doesNotContain(secret);
        }
        if (!Files.isDirectory(w.home)) {
            return;
        }
        try (Stream<Path> files = Files.walk(w.home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getParent().getFileName().toString().equals("vault_yamls")) {
                    continue;
                }
                // fleetroll.db, its -wal and -shm, audit.jsonl, overrides/
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .as(f.toString())
                        .doesNotContain(secret);
            }
        }
    }

    @Test
    void writesTheVaultKeepsAPrivateCopyAndNeverShowsIt() throws Exception {
        String host = fleet.allocate(1).get(0);
        String text = vault("v1");
        Path source = file("vault.yaml", text);

        CliRun dry = run("host-set-vault", "--from-file", source.toString(), host);
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(fleet.readFile(host, VAULT_PATH)).isEmpty();

        CliRun set = run("host-set-vault", "--confirm", "--reason", "rotate", "--from-file", source.toString(), host);
        assertThat(set.exitCode()).as(set.out() + set.err()).isZero();
        assertThat(set.out()).containsPattern(host + " +changed");
        assertThat(fleet.readFile(host, VAULT_PATH)).hasValue(text.getBytes(StandardCharsets.UTF_8));
        assertThat(w.meta(host, VAULT_PATH)).isEqualTo("640 root root");
        assertThat(w.listing(host, "/root"))
                .doesNotContain(".vault.yaml.fleetroll-lock")
                .allMatch(n -> !n.startsWith(".vault.yaml.fleetroll-"));

        String sha = Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
        Path stored = w.home.resolve("vault_yamls").resolve(sha.substring(0, 12));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.getParent())))
                .isEqualTo("rwx------");
        assertThat(w.record(host).get("action").asText()).isEqualTo("host.set_vault");
        assertThat(w.record(host).at("/parameters/mode").asText()).isEqualTo("0640");
        assertThat(w.record(host).at("/parameters/sha256").asText()).isEqualTo(sha);

        CliRun json = run("host-set-vault", "--confirm", "--json", "--from-file", source.toString(), host);
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"action\" : \"host.set_vault\"");

        // show-vault is the one command that prints it (not kept in `runs`: it must print it).
        assertThat(CliRun.run(w.home, "show-vault", sha.substring(0, 8)).stdoutBytes())
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anotherVaultIsRefusedUnlessForce() throws Exception {
        String host = fleet.allocate(1).get(0);
        fleet.writeFile(host, VAULT_PATH, vault("old"), "0640");
        Path source = file("vault.yaml", vault("new"));
        CliRun refused = run("host-set-vault", "--confirm", "--from-file", source.toString(), host);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(fleet.readFile(host, VAULT_PATH)).hasValue(vault("old").getBytes(StandardCharsets.UTF_8));
        CliRun forced = run("host-set-vault", "--confirm", "--force", "--from-file", source.toString(), host);
        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
        assertThat(fleet.readFile(host, VAULT_PATH)).hasValue(vault("new").getBytes(StandardCharsets.UTF_8));
        String backup = w.records().get(1).at("/observed/backup_path").asText();
        assertThat(backup).startsWith("/root/vault.yaml.bak.");
        assertThat(w.meta(host, backup)).isEqualTo("640 root root");
    }

    @Test
    void aVaultThatIsNotYamlIsRefusedBeforeAnySsh() throws Exception {
        String host = fleet.allocate(1).get(0);
        Path source = file("vault.yaml", "token: " + secret + ": nope\n\tbad\n");
        CliRun run = run("host-set-vault", "--confirm", "--from-file", source.toString(), host);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not valid YAML");
        assertThat(fleet.readFile(host, VAULT_PATH)).isEmpty();
        assertThat(w.records()).isEmpty();
    }

    @Test
    void aMacHostGetsItsVaultInVarRootWithGroupWheel() throws Exception {
        String mac = fleet.macHost();
        String path = "/var/root/vault.yaml";
        fleet.delete(mac, path);
        try {
            String text = vault("mac");
            CliRun run = run(
                    "host-set-vault",
                    "--confirm",
                    "--from-file",
                    file("v", text).toString(),
                    mac);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(fleet.readFile(mac, path)).hasValue(text.getBytes(StandardCharsets.UTF_8));
            assertThat(w.meta(mac, path)).isEqualTo("640 root wheel");
            assertThat(fleet.readFile(mac, VAULT_PATH)).isEmpty();
        } finally {
            fleet.delete(mac, path);
        }
    }
}
