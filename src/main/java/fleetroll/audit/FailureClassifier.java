package fleetroll.audit;

import fleetroll.remote.ProcessResult;
import java.util.Locale;

/**
 * Names the kind of a failed ssh run from its status and stderr. OpenSSH's messages are stable
 * and are the only signal ssh gives: its exit status is 255 for every connection-level failure.
 */
public final class FailureClassifier {
    private FailureClassifier() {}

    public static FailureKind classify(ProcessResult result, boolean probeHeaderSeen) {
        if (result.cancelled()) {
            return FailureKind.CANCELLED;
        }
        if (result.timedOut()) {
            return FailureKind.TIMED_OUT;
        }
        String err = result.stderr().toLowerCase(Locale.ROOT);
        if (!probeHeaderSeen && err.contains("sudo:")) {
            return FailureKind.SUDO_DENIED; // "a password is required", "not in the sudoers file"
        }
        if (result.exitCode() == 255 || !probeHeaderSeen) {
            if (err.contains("connection refused")) {
                return FailureKind.CONNECTION_REFUSED;
            }
            if (err.contains("timed out")) { // "Connection timed out", "... during banner exchange"
                return FailureKind.TIMED_OUT;
            }
            if (err.contains("permission denied") || err.contains("too many authentication failures")) {
                return FailureKind.AUTH_REJECTED;
            }
        }
        return FailureKind.OTHER;
    }
}
