package fleetroll.query;

/** The editing keys of the filter line; the monitor maps terminal keys to these. */
public enum LineKey {
    /** ← */
    LEFT,
    /** → */
    RIGHT,
    /** Home, Ctrl-A */
    HOME,
    /** End, Ctrl-E */
    END,
    /** Backspace: the character before the cursor. */
    BACKSPACE,
    /** Delete: the character under the cursor. */
    DELETE,
    /** Ctrl-U: everything before the cursor, as in readline. */
    KILL_TO_START,
    /** Ctrl-K: everything from the cursor on. */
    KILL_TO_END,
    /** Ctrl-W: the word before the cursor, up to a blank: one whole term. */
    DELETE_WORD,
    /** ↑: the previous (older) history entry. */
    HISTORY_UP,
    /** ↓: the next (newer) entry, and past the newest, the text being typed. */
    HISTORY_DOWN
}
