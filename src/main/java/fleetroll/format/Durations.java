package fleetroll.format;

import java.time.Duration;

/** One way to show a duration everywhere (screen, --once, summaries): "42s", "7m 05s", "2h 05m", "3d 04h". */
public final class Durations {
    private Durations() {}

    public static String compact(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format("%dd %02dh", s / 86400, (s % 86400) / 3600);
    }

    /** Elapsed wall time of a run: "0.4s", "14.2s", "2m 05s". */
    public static String elapsed(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format("%.1fs", ms / 1000.0);
        }
        return compact(d);
    }
}
