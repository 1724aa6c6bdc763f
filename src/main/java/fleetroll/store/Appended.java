package fleetroll.store;

import java.util.List;

/** Rows stored after a given rowid, oldest first, and the rowid to continue from. */
public record Appended<T>(List<T> records, long lastRowid) {}
