package fleetroll.monitor;

import fleetroll.store.Observation;
import java.util.List;

/**
 * What the detail view shows beyond the row: the host's last audits, newest first, and the
 * contents of the override it showed (null when none or not in the content store). Loaded on
 * request by the loader thread, so that opening it never blocks the keyboard.
 */
public record HostDetail(String host, List<Observation> history, String overrideText, String error) {
    public HostDetail {
        history = List.copyOf(history);
    }

    public static HostDetail failed(String host, String error) {
        return new HostDetail(host, List.of(), null, error);
    }
}
