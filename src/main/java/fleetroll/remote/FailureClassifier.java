package fleetroll.remote;

import java.util.Locale;

/**
 * Names the kind of a failed ssh run from its status and stderr. OpenSSH's messages are stable
 * and are the only signal ssh gives: its exit status is 255 for every connection-level failure.
 */
public final class FailureClassifier {
    /**
     * Ctrl-C in a terminal signals the whole foreground process group, so our ssh processes get
     * SIGINT too, a moment before we kill them: ssh dies of it while connecting (Java reports a
     * death by signal N as status 128 + N) and exits 255 without a message in a session.
     */
    static final int KILLED_BY_SIGINT = 128 + 2;

    private FailureClassifier() {}

    /** ssh ended without the probe and without saying why: what SIGINT leaves in a session. */
    public static boolean endedSilently(ProcessResult result) {
        return result.exitCode() == 255 && result.stderr().isBlank();
    }

    public static FailureKind classify(ProcessResult result, boolean probeHeaderSeen) {
        return classify(result, probeHeaderSeen, false);
    }

    /**
     * @param runStopped the run was stopped (Ctrl-C, --batch-timeout) by the time ssh ended: an
     *     ssh that then ended without a word was stopped with it, it did not fail
     */
    public static FailureKind classify(ProcessResult result, boolean probeHeaderSeen, boolean runStopped) {
        if (result.cancelled()) {
            return FailureKind.CANCELLED;
        }
        if (result.timedOut()) {
            return FailureKind.TIMED_OUT;
        }
        if (!probeHeaderSeen && (result.exitCode() == KILLED_BY_SIGINT || runStopped && endedSilently(result))) {
            return FailureKind.CANCELLED;
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
