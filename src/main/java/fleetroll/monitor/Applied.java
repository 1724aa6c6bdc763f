package fleetroll.monitor;

/** The APPLIED column: has Puppet applied the override that is on the host? */
public enum Applied {
    /** Puppet's run metadata names this override's sha and the run succeeded, or (without metadata) a successful run is newer than the file. */
    YES("Y"),
    NO("N"),
    /** No override on the host: nothing to apply. */
    NO_OVERRIDE("-"),
    /** Never successfully audited. */
    UNKNOWN("?");

    private final String code;

    Applied(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
