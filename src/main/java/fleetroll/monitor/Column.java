package fleetroll.monitor;

import fleetroll.format.Durations;
import fleetroll.query.CellValue;
import fleetroll.query.ColumnCatalogue;
import fleetroll.query.ColumnKind;
import fleetroll.query.QueryColumn;
import fleetroll.query.QueryColumn.FlagValue;
import fleetroll.query.QueryParser;
import fleetroll.query.TextOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monitor's columns, in display order, and the one list of their names, aliases and kinds:
 * the query language reads them through {@link #catalogue()}. Each gives a row's typed {@link
 * #value} (for filters and sorting) and its {@link #text} (for the table and --once); the two
 * never disagree because the text is made from the same accessors.
 */
public enum Column {
    HOST(
            ColumnKind.TEXT,
            List.of("hostname", "name"),
            List.of(),
            "host name; the suffix all hosts share is shown once in the header; ! marks a host whose"
                    + " newest audit failed (older values shown)",
            r -> CellValue.text(r.host()),
            MonitorRow::host),
    OS(
            ColumnKind.FLAG,
            List.of(),
            List.of(FlagValue.of("L", "linux"), FlagValue.of("M", "mac", "macos", "darwin", "osx")),
            "L Linux, M macOS",
            r -> !r.observed() ? CellValue.NEVER_AUDITED : CellValue.text(r.os().code()),
            r -> !r.observed() ? "?" : r.os().code()),
    ROLE(
            ColumnKind.TEXT,
            List.of("puppet_role"),
            List.of(),
            "contents of /etc/puppet_role",
            r -> !r.observed() ? CellValue.NEVER_AUDITED : CellValue.text(r.role()),
            r -> !r.observed() ? "?" : orDash(r.role())),
    VLT_SHA(
            ColumnKind.TEXT,
            List.of("vault", "vlt"),
            List.of(),
            "sha256 of vault.yaml (first 8) and its 2-word human hash",
            r -> observedText(r, vaultText(r)),
            r -> !r.observed() ? "?" : orDash(vaultText(r))),
    // ovr_bch and sha (and tc_j_sf, health below) are the Python fleetroll's query names: its
    // saved filters and history keep working.
    OVR_SHA(
            ColumnKind.TEXT,
            List.of("override", "ovr", "branch", "ovr_bch", "sha"),
            List.of(),
            "the override's PUPPET_BRANCH (else its sha256, first 8) and its human hash; - no override",
            r -> observedText(r, overrideText(r)),
            r -> !r.observed() ? "?" : orDash(overrideText(r))),
    UPTIME(
            ColumnKind.DURATION,
            List.of("up"),
            List.of(),
            "time since boot",
            r -> !r.observed() ? CellValue.NEVER_AUDITED : CellValue.elapsed(r.uptime()),
            r -> !r.observed() ? "?" : Durations.compact(r.uptime())),
    PP_LAST(
            ColumnKind.DURATION,
            List.of("puppet", "pp"),
            List.of(),
            "time since the last Puppet run; FAIL when it failed",
            // A failed run is the value "FAIL", not an age: pp_last=fail finds it, pp_last>20h
            // does not (a host that fails is a different problem from one that stopped running),
            // and it sorts after every age.
            r -> !r.observed()
                    ? CellValue.NEVER_AUDITED
                    : Boolean.FALSE.equals(r.puppetSucceeded())
                            ? CellValue.text("FAIL")
                            : CellValue.elapsed(r.puppetAge()),
            Column::puppetText),
    PP_SHA(
            ColumnKind.TEXT,
            List.of("git_sha", "puppet_sha"),
            List.of(),
            "git sha Puppet applied (first 7)",
            r -> !r.observed() ? CellValue.NEVER_AUDITED : CellValue.text(puppetSha(r)),
            r -> !r.observed() ? "?" : orDash(puppetSha(r))),
    APPLIED(
            ColumnKind.FLAG,
            List.of("app"),
            Flags.YES_NO,
            "Y Puppet applied the override, N not (yet), - no override",
            r -> switch (r.applied()) {
                case YES, NO -> CellValue.text(r.applied().code());
                case NO_OVERRIDE -> CellValue.MISSING;
                case UNKNOWN -> CellValue.NEVER_AUDITED;
            },
            r -> r.applied().code()),
    TC_ACT(
            ColumnKind.DURATION,
            List.of("tc_last", "tc_active", "active"),
            List.of(),
            "time since Taskcluster last saw the worker active",
            r -> CellValue.elapsed(r.tcActiveAge()),
            r -> Durations.compact(r.tcActiveAge())),
    TC_T_DUR(
            ColumnKind.DURATION,
            List.of("task", "tc_dur", "task_dur", "tc_j_sf"),
            List.of(),
            "duration of the latest task; while it runs, the time so far and a trailing -",
            r -> CellValue.elapsed(r.taskDuration()),
            r -> r.taskDuration() == null ? "-" : Durations.compact(r.taskDuration()) + (r.taskRunning() ? "-" : "")),
    // The table shows YES or nothing; "no" is not a value: not quarantined is TC_QUAR=.
    TC_QUAR(
            ColumnKind.FLAG,
            List.of("quarantine", "quar", "quarantined"),
            List.of(FlagValue.of("YES", "y")),
            "YES while Taskcluster quarantines the worker",
            r -> Boolean.TRUE.equals(r.quarantined()) ? CellValue.text("YES") : CellValue.MISSING,
            r -> Boolean.TRUE.equals(r.quarantined()) ? "YES" : "-"),
    // Shown as two ages, filtered and sorted as one, the older: DATA>1h means "some of this row
    // is over an hour old", as the cell's colour says.
    DATA(
            ColumnKind.DURATION,
            List.of("age"),
            List.of(),
            "age of the audit shown / age of the Taskcluster record; filters compare the older",
            r -> !r.observed() ? CellValue.NEVER_AUDITED : CellValue.elapsed(r.staleness()),
            r -> (r.observed() ? Durations.compact(r.dataAge()) : "?") + "/" + Durations.compact(r.tcDataAge())),
    HEALTHY(
            ColumnKind.FLAG,
            List.of("health", "ro_health", "ok"),
            Flags.YES_NO,
            "Y audit < 1h old and ok, Puppet ok, APPLIED not N, worker active < 1h, not quarantined",
            r -> r.healthy() == Health.UNKNOWN
                    ? CellValue.NEVER_AUDITED
                    : CellValue.text(r.healthy().code()),
            r -> r.healthy().code());

    // Enum constants are built before the enum's static fields: shared values live in a holder.
    private static final class Flags {
        static final List<FlagValue> YES_NO = List.of(FlagValue.of("Y", "yes"), FlagValue.of("N", "no"));
    }

    private final QueryColumn query;
    private final String description;
    private final Function<MonitorRow, CellValue> value;
    private final Function<MonitorRow, String> text;
    private final Comparator<MonitorRow> order;

    /**
     * @param kind how a query reads the column's values: text, durations, or a closed set
     * @param aliases other names a query may use, lower case
     * @param flagValues for {@link ColumnKind#FLAG}: the cell texts, each with what may be typed for it
     */
    Column(
            ColumnKind kind,
            List<String> aliases,
            List<FlagValue> flagValues,
            String description,
            Function<MonitorRow, CellValue> value,
            Function<MonitorRow, String> text) {
        this.query = new QueryColumn(name(), kind, aliases, flagValues);
        this.description = description;
        this.value = value;
        this.text = text;
        this.order = Comparator.comparing(value, CellValue.ORDER);
    }

    private static final ColumnCatalogue CATALOGUE =
            ColumnCatalogue.of(Arrays.stream(values()).map(c -> c.query).toList());
    private static final QueryParser PARSER = new QueryParser(CATALOGUE);
    private static final Map<String, Column> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Column::name, c -> c));

    /** The name in the table header, which is also the name filters use. */
    public String header() {
        return name();
    }

    public ColumnKind kind() {
        return query.kind();
    }

    /** Other names a query may use, lower case. */
    public List<String> aliases() {
        return query.aliases();
    }

    /** This column as the query language sees it. */
    public QueryColumn query() {
        return query;
    }

    /** Every column, by name and alias: what queries may name. */
    public static ColumnCatalogue catalogue() {
        return CATALOGUE;
    }

    /** The parser for host-monitor's queries: --filter, saved filters, the filter line. */
    public static QueryParser queryParser() {
        return PARSER;
    }

    /** The column with this canonical (upper case) name, or null. */
    static Column byName(String name) {
        return BY_NAME.get(name);
    }

    /** One line for the help screen and docs. */
    public String description() {
        return description;
    }

    public CellValue value(MonitorRow row) {
        return value.apply(row);
    }

    /** The full cell text: HOST unstripped and nothing clipped; "-" no value, "?" never audited. */
    public String text(MonitorRow row) {
        return text.apply(row);
    }

    /** Ascending by value, rows without a value last. */
    public Comparator<MonitorRow> order() {
        return this == HOST ? HOST_ORDER : order;
    }

    // HOST always holds text: comparing the names directly saves boxing two values per
    // comparison, which is most of the cost of sorting 10,000 rows.
    private static final Comparator<MonitorRow> HOST_ORDER = Comparator.comparing(MonitorRow::host, TextOrder.ORDER);

    private static CellValue observedText(MonitorRow r, String text) {
        return !r.observed() ? CellValue.NEVER_AUDITED : CellValue.text(text);
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }

    private static String vaultText(MonitorRow r) {
        return shaText(r.vaultSha256(), null, r.vaultHumanHash());
    }

    private static String overrideText(MonitorRow r) {
        return shaText(r.overrideSha256(), r.overrideBranch(), r.overrideHumanHash());
    }

    private static String shaText(String sha, String name, String humanHash) {
        if (sha == null) {
            return null;
        }
        String first = name != null ? name : sha.substring(0, Math.min(8, sha.length()));
        return humanHash == null ? first : first + " " + humanHash;
    }

    private static String puppetSha(MonitorRow r) {
        String sha = r.puppetGitSha();
        return sha == null ? null : sha.substring(0, Math.min(7, sha.length()));
    }

    private static String puppetText(MonitorRow r) {
        if (!r.observed()) {
            return "?";
        }
        Duration age = r.puppetAge();
        boolean failed = Boolean.FALSE.equals(r.puppetSucceeded());
        if (age == null) {
            return failed ? "FAIL" : "-";
        }
        return Durations.compact(age) + (failed ? " FAIL" : "");
    }
}
