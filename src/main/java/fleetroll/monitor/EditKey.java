package fleetroll.monitor;

/**
 * What a key means while the filter line or the filter picker is open: there, letters are text,
 * not commands. {@link #TYPE} carries the typed text beside it.
 */
public enum EditKey {
    /** A printable character (or several, pasted): the reader passes the text. */
    TYPE,
    LEFT,
    RIGHT,
    /** Home, Ctrl-A */
    HOME,
    /** End, Ctrl-E */
    END,
    BACKSPACE,
    DELETE,
    /** Ctrl-U */
    KILL_TO_START,
    /** Ctrl-K */
    KILL_TO_END,
    /** Ctrl-W */
    DELETE_WORD,
    /** ↑: older history on the line, the entry above in the picker. */
    UP,
    DOWN,
    PAGE_UP,
    PAGE_DOWN,
    ENTER,
    /** Esc: close without applying. */
    CANCEL,
    /** Ctrl-C when the terminal passes it as a key: quit, as in the table. */
    QUIT,
    /** Any key without a meaning here: ignored. */
    NONE
}
