package fleetroll.remote;

/** Why an ssh run on one host failed (an audit or a change). {@link #code()} is what {@code error} holds in the records. */
public enum FailureKind {
    CONNECTION_REFUSED("connection_refused", "connection refused"),
    TIMED_OUT("timed_out", "timed out"),
    AUTH_REJECTED("auth_rejected", "authentication failed (key rejected)"),
    SUDO_DENIED("sudo_denied", "sudo -n failed"),
    CANCELLED("cancelled", "cancelled before it finished"),
    OTHER("other", "other failure");

    private final String code;
    private final String description;

    FailureKind(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
