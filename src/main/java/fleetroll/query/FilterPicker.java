package fleetroll.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code f} picker: saved filters by name, then recent queries newest first, narrowed as the
 * operator types (every typed word must occur in the name, query or description, ignoring case).
 * Pure and immutable like {@link FilterLine}; Enter applies {@link #selectedEntry()}'s query, Esc
 * closes, and the monitor draws {@link #visible()} with {@link #selected()} highlighted.
 *
 * @param selected index into {@link #visible()}; 0 when nothing is visible
 */
public record FilterPicker(List<PickerEntry> entries, String typed, int selected) {
    public FilterPicker {
        entries = List.copyOf(entries);
        if (selected < 0) {
            throw new IllegalArgumentException("selected " + selected);
        }
    }

    /** A recent query that is also a saved filter's is listed once, as the saved filter. */
    public static FilterPicker open(List<SavedFilter> saved, FilterHistory history) {
        List<PickerEntry> entries = new ArrayList<>();
        saved.forEach(f -> entries.add(PickerEntry.saved(f)));
        Set<String> savedQueries =
                saved.stream().map(f -> f.query().text().strip()).collect(Collectors.toSet());
        List<String> recent = history.entries();
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (!savedQueries.contains(recent.get(i))) {
                entries.add(PickerEntry.recent(recent.get(i)));
            }
        }
        return new FilterPicker(entries, "", 0);
    }

    public List<PickerEntry> visible() {
        String[] words = typed.toLowerCase(Locale.ROOT).strip().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            return entries;
        }
        return entries.stream().filter(e -> e.matches(words)).toList();
    }

    public Optional<PickerEntry> selectedEntry() {
        List<PickerEntry> visible = visible();
        return selected < visible.size() ? Optional.of(visible.get(selected)) : Optional.empty();
    }

    /** Narrowing starts the selection again at the top, where the best candidates are. */
    public FilterPicker type(String text) {
        String printable = text.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.isEmpty() ? this : new FilterPicker(entries, typed + printable, 0);
    }

    public FilterPicker backspace() {
        if (typed.isEmpty()) {
            return this;
        }
        return new FilterPicker(entries, typed.substring(0, typed.offsetByCodePoints(typed.length(), -1)), 0);
    }

    /** Ctrl-U: show everything again. */
    public FilterPicker clearTyped() {
        return new FilterPicker(entries, "", 0);
    }

    public FilterPicker up() {
        return moveBy(-1);
    }

    public FilterPicker down() {
        return moveBy(1);
    }

    /** PgUp / PgDn: {@code rows} is the number of entries the picker shows at once. */
    public FilterPicker moveBy(int rows) {
        int last = Math.max(0, visible().size() - 1);
        int next = (int) Math.max(0, Math.min(last, (long) selected + rows));
        return next == selected ? this : new FilterPicker(entries, typed, next);
    }
}
