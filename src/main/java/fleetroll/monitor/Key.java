package fleetroll.monitor;

/** What a key press means to the monitor, whatever bytes the terminal sent for it. */
public enum Key {
    UP,
    DOWN,
    PAGE_UP,
    PAGE_DOWN,
    FIRST,
    LAST,
    LEFT,
    RIGHT,
    SORT,
    ENTER,
    BACK,
    HELP,
    RELOAD,
    /** /: open the filter line. */
    FILTER,
    /** \: clear the query. */
    CLEAR_FILTER,
    /** f: pick a saved filter or a recent query. */
    PICK_FILTER,
    /** o: hosts with an override only, or all again. */
    OVERRIDE_ONLY,
    /** O: all OSes, Linux, macOS. */
    CYCLE_OS,
    QUIT,
    /** Any key without a meaning: ignored. */
    NONE
}
