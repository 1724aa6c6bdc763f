package fleetroll.change;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The suffix of backups made by one run: {@code <path>.bak.20250314T090502Z}. UTC, and of one
 * width, so names sort by age on every host; the remote script prunes by that order.
 */
public final class BackupSuffix {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** How many fleetroll backups of a file each host keeps, the newest ones. */
    public static final int KEEP = 30;

    private BackupSuffix() {}

    public static String of(Instant when) {
        return FORMAT.format(when.atOffset(ZoneOffset.UTC));
    }

    static void check(String suffix) {
        if (!suffix.matches("[0-9]{8}T[0-9]{6}Z")) {
            throw new IllegalArgumentException("not a backup suffix: " + suffix);
        }
    }
}
