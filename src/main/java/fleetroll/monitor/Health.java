package fleetroll.monitor;

/**
 * The HEALTHY column, a three-valued AND of its checks: N when any check fails, else ? when any
 * cannot be made for want of data, else Y.
 */
public enum Health {
    YES("Y"),
    NO("N"),
    UNKNOWN("?");

    private final String code;

    Health(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Health and(Health other) {
        if (this == NO || other == NO) {
            return NO;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : YES;
    }

    public static Health of(boolean holds) {
        return holds ? YES : NO;
    }
}
