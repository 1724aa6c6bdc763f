package fleetroll.monitor;

import java.util.Comparator;

/** The orders that "s" cycles through; each ends with the host name so that the order is total. */
public enum SortOrder {
    HOST("host", Column.HOST.order()),
    ROLE("role", Column.ROLE.order().thenComparing(Column.HOST.order())),
    OVERRIDE("override", Column.OVR_SHA.order().thenComparing(Column.HOST.order())),
    /** Problems first: N, then ? (cannot tell), then Y. */
    HEALTH(
            "health",
            Comparator.<MonitorRow>comparingInt(r -> switch (r.healthy()) {
                        case NO -> 0;
                        case UNKNOWN -> 1;
                        case YES -> 2;
                    })
                    .thenComparing(Column.HOST.order()));

    private final String label;
    private final Comparator<MonitorRow> comparator;

    SortOrder(String label, Comparator<MonitorRow> comparator) {
        this.label = label;
        this.comparator = comparator;
    }

    public String label() {
        return label;
    }

    public Comparator<MonitorRow> comparator() {
        return comparator;
    }

    public SortOrder next() {
        SortOrder[] all = values();
        return all[(ordinal() + 1) % all.length];
    }
}
