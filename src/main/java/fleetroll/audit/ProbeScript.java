package fleetroll.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The one read-only POSIX sh probe that host-audit sends to every host on stdin, to run under a
 * single {@code sudo -n sh -s}. Its text is {@code probe.sh} from the jar, preceded by the sha256
 * of every vault already stored locally: a host sends its vault contents only when they are new.
 */
public final class ProbeScript {
    /** The remote command line: the same for every host, so argv never carries host data. */
    public static final String REMOTE_COMMAND = "sudo -n sh -s";

    private static final String BODY = load();

    private ProbeScript() {}

    public static String text(Collection<String> knownVaultShas) {
        String known = knownVaultShas.stream()
                .filter(fleetroll.store.Sha256::isHex)
                .sorted()
                .collect(Collectors.joining(" "));
        return "FLEETROLL_KNOWN_VAULTS='" + known + "'\n" + BODY;
    }

    private static String load() {
        try (InputStream in = ProbeScript.class.getResourceAsStream("/fleetroll/remote/probe.sh")) {
            if (in == null) {
                throw new IllegalStateException("probe.sh missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
