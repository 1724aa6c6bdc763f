package fleetroll.query;

/** How a column's values compare: this decides how a query value is read. */
public enum ColumnKind {
    /** Free text (HOST, ROLE, shas): case-insensitive, ordered naturally ("ms-9" before "ms-10"). */
    TEXT,
    /** Ages and lengths (UPTIME, PP_LAST, ...): values are durations such as 30m, 1h30m, 2h 05m. */
    DURATION,
    /** A short closed set (OS L/M, Y/N columns): values are checked against the set, no order. */
    FLAG
}
