package fleetroll.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Queries applied recently, most recent last, each once, at most {@link #MAX_ENTRIES}. Immutable:
 * {@link #add} returns the new history.
 */
public record FilterHistory(List<String> entries) {
    public static final int MAX_ENTRIES = 100;
    public static final FilterHistory EMPTY = new FilterHistory(List.of());

    /** Normalizes whatever it is given (a file written by hand, by the Python fleetroll, by a race). */
    public FilterHistory {
        Set<String> kept = new LinkedHashSet<>();
        for (String entry : entries) {
            String line = oneLine(entry);
            if (!line.isEmpty()) {
                kept.remove(line); // the later use wins the position
                kept.add(line);
            }
        }
        List<String> ordered = List.copyOf(kept);
        entries = List.copyOf(ordered.subList(Math.max(0, ordered.size() - MAX_ENTRIES), ordered.size()));
    }

    /** This history with {@code query} as the most recent entry; blank queries are not recorded. */
    public FilterHistory add(String query) {
        List<String> next = new ArrayList<>(entries);
        next.add(query);
        return new FilterHistory(next);
    }

    public FilterHistory addAll(List<String> queries) {
        List<String> next = new ArrayList<>(entries);
        next.addAll(queries);
        return new FilterHistory(next);
    }

    /**
     * The file holds one query a line, so a query keeps no line breaks; blanks around it are not
     * part of it ("os=L " and "os=L" are one entry).
     */
    static String oneLine(String query) {
        return query.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]+", " ").strip();
    }
}
