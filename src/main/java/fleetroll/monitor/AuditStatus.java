package fleetroll.monitor;

/** How the newest audit attempt of a host went, which decides where its values come from. */
public enum AuditStatus {
    /** No attempt stored: every observed cell is "?". */
    NEVER_AUDITED,
    /** The newest attempt succeeded; its values are shown. */
    OK,
    /** The newest attempt failed; the values of the newest successful one are shown, marked. */
    NEWEST_FAILED,
    /** Attempts were made but none succeeded: every observed cell is "?", and the row is marked. */
    NEVER_SUCCEEDED;

    public boolean newestFailed() {
        return this == NEWEST_FAILED || this == NEVER_SUCCEEDED;
    }
}
