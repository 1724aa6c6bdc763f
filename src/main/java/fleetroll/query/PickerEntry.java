package fleetroll.query;

import java.util.Locale;

/**
 * One line of the {@code f} picker: a saved filter (name, query, description) or a recent query
 * (name and description empty).
 */
public record PickerEntry(Source source, String name, String query, String description) {
    public enum Source {
        SAVED,
        RECENT
    }

    static PickerEntry saved(SavedFilter filter) {
        return new PickerEntry(Source.SAVED, filter.name(), filter.query().text(), filter.description());
    }

    static PickerEntry recent(String query) {
        return new PickerEntry(Source.RECENT, "", query, "");
    }

    /** Whether every typed word occurs in the name, query or description, ignoring case. */
    boolean matches(String[] lowerWords) {
        String haystack = (name + "\n" + query + "\n" + description).toLowerCase(Locale.ROOT);
        for (String word : lowerWords) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
