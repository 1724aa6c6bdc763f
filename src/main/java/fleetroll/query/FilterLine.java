package fleetroll.query;

import java.util.List;

/**
 * The filter line opened by {@code /}: its text, the cursor, and the walk through the history.
 * Pure and immutable, so the monitor's key loop is {@code line = line.apply(key)} and tests need
 * no terminal. Enter (parse the text), Esc (discard) and drawing belong to the monitor; {@link
 * QueryParser#analyse} gives the colours and the error to show while typing.
 *
 * <p>The cursor counts UTF-16 chars, never splitting a surrogate pair: moving and deleting go by
 * code point.
 *
 * @param history the entries ↑ walks, most recent last
 * @param historyIndex the entry shown; {@code history.size()} when showing the text being typed
 * @param draft the text being typed, kept while ↑ shows history entries
 */
public record FilterLine(String text, int cursor, List<String> history, int historyIndex, String draft) {
    /** Far longer than any query; a paste beyond it is cut, so a stray paste cannot grow without bound. */
    public static final int MAX_LENGTH = 4096;

    public FilterLine {
        history = List.copyOf(history);
        if (cursor < 0 || cursor > text.length() || splitsPair(text, cursor)) {
            throw new IllegalArgumentException("cursor " + cursor + " is not a position in the text");
        }
        if (historyIndex < 0 || historyIndex > history.size()) {
            throw new IllegalArgumentException("history index " + historyIndex + " of " + history.size());
        }
    }

    /** Opens pre-filled with the current query, cursor at the end. */
    public static FilterLine open(String current, FilterHistory history) {
        String text = clean(current, MAX_LENGTH);
        return new FilterLine(
                text, text.length(), history.entries(), history.entries().size(), text);
    }

    public FilterLine apply(LineKey key) {
        return switch (key) {
            case LEFT -> withCursor(cursor == 0 ? 0 : text.offsetByCodePoints(cursor, -1));
            case RIGHT -> withCursor(cursor == text.length() ? cursor : text.offsetByCodePoints(cursor, 1));
            case HOME -> withCursor(0);
            case END -> withCursor(text.length());
            case BACKSPACE -> cursor == 0 ? this : edit(text.offsetByCodePoints(cursor, -1), cursor, "");
            case DELETE -> cursor == text.length() ? this : edit(cursor, text.offsetByCodePoints(cursor, 1), "");
            case KILL_TO_START -> edit(0, cursor, "");
            case KILL_TO_END -> edit(cursor, text.length(), "");
            case DELETE_WORD -> edit(wordStartBefore(cursor), cursor, "");
            case HISTORY_UP -> historyUp();
            case HISTORY_DOWN -> historyDown();
        };
    }

    /**
     * Types or pastes {@code typed} at the cursor. Line breaks and tabs become blanks and other
     * control characters are dropped: they would break the one-line history file or the screen.
     */
    public FilterLine insert(String typed) {
        return edit(cursor, cursor, typed);
    }

    private FilterLine withCursor(int at) {
        return new FilterLine(text, at, history, historyIndex, draft);
    }

    /** Replaces [from, to) with {@code typed}, cursor after it. */
    private FilterLine edit(int from, int to, String typed) {
        String head = text.substring(0, from);
        String tail = text.substring(to);
        String inserted = clean(typed, MAX_LENGTH - head.length() - tail.length());
        String next = head + inserted + tail;
        if (next.equals(text)) {
            return withCursor(from + inserted.length());
        }
        // Editing a recalled entry makes it the text being typed: ↓ no longer throws the edit away.
        return new FilterLine(next, from + inserted.length(), history, history.size(), next);
    }

    /** Readline's Ctrl-W: back over blanks, then back to the previous blank. */
    private int wordStartBefore(int at) {
        int i = at;
        while (i > 0 && QueryParser.isBlank(text.charAt(i - 1))) {
            i--;
        }
        while (i > 0 && !QueryParser.isBlank(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The next older entry that differs from the text shown: ↑ always changes something, if it can. */
    private FilterLine historyUp() {
        for (int i = historyIndex - 1; i >= 0; i--) {
            if (!history.get(i).equals(text)) {
                String entry = history.get(i);
                return new FilterLine(entry, entry.length(), history, i, draft);
            }
        }
        return this;
    }

    private FilterLine historyDown() {
        for (int i = historyIndex + 1; i <= history.size(); i++) {
            String entry = i == history.size() ? draft : history.get(i);
            if (!entry.equals(text) || i == history.size()) {
                return new FilterLine(entry, entry.length(), history, i, draft);
            }
        }
        return this;
    }

    /** At most {@code room} chars of {@code s}, one line, no controls, never half a surrogate pair. */
    private static String clean(String s, int room) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), Math.max(room, 0)));
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                cp = ' ';
            } else if (Character.isISOControl(cp)) {
                continue;
            }
            if (out.length() + Character.charCount(cp) > room) {
                break;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static boolean splitsPair(String text, int at) {
        return at > 0
                && at < text.length()
                && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }
}
