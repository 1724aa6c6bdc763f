package fleetroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.store.Json;
import fleetroll.testfleet.TestFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the writes ITs share: the fleet, how to run fleetroll against it, how to look at hosts. */
final class FleetWrites {
    static final String OVERRIDE_PATH = "/etc/puppet/ronin_settings";

    final TestFleet fleet = TestFleet.shared();
    final Path home;

    FleetWrites(Path home) {
        this.home = home;
    }

    /** fleetroll ARGS... with the fleet's ssh_config and short timeouts, in-process, real clock. */
    CliRun run(String... args) {
        List<String> argv = new ArrayList<>(Arrays.asList(args));
        argv.add(1, "--ssh-option=" + String.join(" ", fleet.sshOptions()));
        argv.add(1, "--connect-timeout=3");
        argv.add(1, "--timeout=30");
        return CliRun.now(home, argv.toArray(String[]::new));
    }

    static String ronin(String branch) {
        return "PUPPET_REPO='https://github.com/mozilla-platform-ops/ronin_puppet.git'\n"
                + "PUPPET_BRANCH='" + branch + "'\n"
                + "PUPPET_MAIL='releng@mozilla.com'\n";
    }

    /** "MODE OWNER GROUP" of a file inside a host, as GNU stat prints them. */
    String meta(String host, String path) {
        return check(fleet.exec(host, "/usr/bin/stat", "-c", "%a %U %G", path)).strip();
    }

    /** The names in a directory of a host, dot files included, sorted. */
    List<String> listing(String host, String dir) {
        String out = check(fleet.exec(host, "sh", "-c", "ls -A \"$1\" | sort", "sh", dir));
        return out.isBlank() ? List.of() : out.lines().toList();
    }

    /**
     * Everything a write could touch on a host, with contents' checksums: compared before and
     * after, it shows that nothing changed.
     */
    String snapshot(String host) {
        return check(fleet.exec(
                host,
                "sh",
                "-c",
                "for d in /etc/puppet /root /var/root /opt/puppet_environments; do [ -d $d ] || continue;"
                        + " find $d -xdev -printf '%p %m %u %g %s %T@\\n' | sort;"
                        + " find $d -xdev -type f -exec /usr/bin/sha256sum {} + | sort; done"));
    }

    static String check(TestFleet.ExecResult r) {
        assertThat(r.exitCode()).as("exec failed: %s", r.stderr()).isZero();
        return r.stdout();
    }

    List<JsonNode> records() {
        Path log = home.resolve("audit.jsonl");
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                records.add(Json.MAPPER.readTree(line));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode record(String host) {
        List<JsonNode> mine = records().stream()
                .filter(r -> r.get("host").asText().equals(host))
                .toList();
        assertThat(mine).as("audit.jsonl records of " + host).hasSize(1);
        return mine.get(0);
    }
}
