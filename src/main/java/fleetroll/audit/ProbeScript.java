package fleetroll.audit;

import fleetroll.remote.RemoteScript;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The one read-only POSIX sh probe that host-audit sends to every host on stdin, to run under a
 * single {@code sudo -n sh -s}. Its text is {@code probe.sh} from the jar, preceded by the sha256
 * of every vault already stored locally: a host sends its vault contents only when they are new.
 */
public final class ProbeScript {
    /** {@link RemoteScript#COMMAND}, under the name debug-host-script uses. */
    public static final String REMOTE_COMMAND = RemoteScript.COMMAND;

    private static final String BODY = RemoteScript.load("/fleetroll/remote/probe.sh");

    private ProbeScript() {}

    public static String text(Collection<String> knownVaultShas) {
        String known = knownVaultShas.stream()
                .filter(fleetroll.store.Sha256::isHex)
                .sorted()
                .collect(Collectors.joining(" "));
        return "FLEETROLL_KNOWN_VAULTS='" + known + "'\n" + BODY;
    }
}
