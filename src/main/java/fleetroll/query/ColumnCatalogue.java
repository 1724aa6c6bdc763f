package fleetroll.query;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a query may name, looked up by name or alias, ignoring case. The monitor builds its
 * own from its columns ({@code fleetroll.monitor.Column#catalogue()}); tests may build others.
 */
public final class ColumnCatalogue {
    private final List<QueryColumn> columns;
    private final Map<String, QueryColumn> bySpelling;

    private ColumnCatalogue(List<QueryColumn> columns, Map<String, QueryColumn> bySpelling) {
        this.columns = columns;
        this.bySpelling = bySpelling;
    }

    /** Rejects two columns answering to the same name: a query could not say which it means. */
    public static ColumnCatalogue of(List<QueryColumn> columns) {
        Map<String, QueryColumn> bySpelling = new HashMap<>();
        for (QueryColumn column : columns) {
            for (String spelling : column.spellings()) {
                QueryColumn clash = bySpelling.putIfAbsent(spelling, column);
                if (clash != null) {
                    throw new IllegalArgumentException(
                            "\"" + spelling + "\" names both " + clash.name() + " and " + column.name());
                }
            }
        }
        return new ColumnCatalogue(List.copyOf(columns), Map.copyOf(bySpelling));
    }

    public List<QueryColumn> columns() {
        return columns;
    }

    /** The column {@code typed} names (a name or alias, any case). */
    public Optional<QueryColumn> find(String typed) {
        return Optional.ofNullable(bySpelling.get(typed.toLowerCase(Locale.ROOT)));
    }

    /** True when {@code typed} could still grow into a column name: "pp_l" while typing "pp_last". */
    public boolean isPrefixOfColumn(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        return bySpelling.keySet().stream().anyMatch(s -> s.startsWith(lower));
    }

    /** "HOST, OS, ROLE, ...": for error messages. */
    public String names() {
        return String.join(", ", columns.stream().map(QueryColumn::name).toList());
    }
}
