package fleetroll.query;

import fleetroll.query.QueryColumn.FlagValue;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a query may name, looked up by name or alias, ignoring case. {@link #monitor()} is
 * host-monitor's table; tests build their own.
 */
public final class ColumnCatalogue {
    private static final List<FlagValue> YES_NO = List.of(FlagValue.of("Y", "yes"), FlagValue.of("N", "no"));

    // Aliases: the short forms operators type, plus the Python fleetroll's query names (sha,
    // ovr_bch, tc_j_sf, health) so that saved filters and history carried over keep working.
    private static final ColumnCatalogue MONITOR = of(List.of(
            QueryColumn.text("HOST", "hostname", "name"),
            QueryColumn.flag(
                    "OS", List.of(FlagValue.of("L", "linux"), FlagValue.of("M", "mac", "macos", "darwin", "osx"))),
            QueryColumn.text("ROLE"),
            QueryColumn.text("VLT_SHA", "vlt", "vault"),
            QueryColumn.text("OVR_SHA", "ovr", "override", "ovr_bch", "sha"),
            QueryColumn.duration("UPTIME", "up"),
            QueryColumn.duration("PP_LAST", "puppet", "pp"),
            QueryColumn.text("PP_SHA", "puppet_sha"),
            QueryColumn.flag("APPLIED", YES_NO),
            QueryColumn.duration("TC_ACT", "tc_active", "active"),
            QueryColumn.duration("TC_T_DUR", "tc_dur", "task_dur", "tc_j_sf"),
            // The table shows YES or nothing; "no" is not a value: not quarantined is TC_QUAR=.
            QueryColumn.flag("TC_QUAR", List.of(FlagValue.of("YES", "y")), "quar", "quarantined"),
            // One age per row: the older of the audit age and the Taskcluster data age, so that
            // DATA>1h means "some of this row is over an hour old".
            QueryColumn.duration("DATA", "age"),
            QueryColumn.flag("HEALTHY", YES_NO, "health")));

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

    /** host-monitor's columns, in table order. */
    public static ColumnCatalogue monitor() {
        return MONITOR;
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
