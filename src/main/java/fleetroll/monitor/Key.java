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
    QUIT,
    /** Any key without a meaning: ignored. */
    NONE
}
