package fleetroll.monitor;

import fleetroll.format.Durations;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The monitor's columns, in display order. Each gives a row's typed {@link #value} (for filters
 * and sorting) and its {@link #text} (for the table, --once and text filters such as "contains");
 * the two never disagree because the text is made from the same accessors. Look a column up by
 * name or alias with {@link #named}.
 */
public enum Column {
    HOST(
            Kind.TEXT,
            List.of("hostname", "name"),
            "host name; the suffix all hosts share is shown once in the header; ! marks a host whose"
                    + " newest audit failed (older values shown)",
            r -> new CellValue.Text(r.host()),
            MonitorRow::host),
    OS(
            Kind.TEXT,
            List.of(),
            "L Linux, M macOS",
            r -> !r.observed()
                    ? CellValue.UNKNOWN
                    : r.os() == Os.OTHER ? CellValue.ABSENT : CellValue.text(r.os().code()),
            r -> !r.observed() ? "?" : r.os().code()),
    ROLE(
            Kind.TEXT,
            List.of("puppet_role"),
            "contents of /etc/puppet_role",
            r -> !r.observed() ? CellValue.UNKNOWN : CellValue.text(r.role()),
            r -> !r.observed() ? "?" : orDash(r.role())),
    VLT_SHA(
            Kind.TEXT,
            List.of("vault", "vlt"),
            "sha256 of vault.yaml (first 8) and its 2-word human hash",
            r -> observedText(r, vaultText(r)),
            r -> !r.observed() ? "?" : orDash(vaultText(r))),
    OVR_SHA(
            Kind.TEXT,
            List.of("override", "ovr", "branch", "ovr_bch"),
            "the override's PUPPET_BRANCH (else its sha256, first 8) and its human hash; - no override",
            r -> observedText(r, overrideText(r)),
            r -> !r.observed() ? "?" : orDash(overrideText(r))),
    UPTIME(
            Kind.TIME,
            List.of("up"),
            "time since boot",
            r -> !r.observed() ? CellValue.UNKNOWN : CellValue.time(r.uptime()),
            r -> !r.observed() ? "?" : Durations.compact(r.uptime())),
    PP_LAST(
            Kind.TIME,
            List.of("puppet", "pp"),
            "time since the last Puppet run; FAIL when it failed",
            r -> !r.observed() ? CellValue.UNKNOWN : CellValue.time(r.puppetAge()),
            Column::puppetText),
    PP_SHA(
            Kind.TEXT,
            List.of("git_sha", "puppet_sha"),
            "git sha Puppet applied (first 7)",
            r -> !r.observed() ? CellValue.UNKNOWN : CellValue.text(puppetSha(r)),
            r -> !r.observed() ? "?" : orDash(puppetSha(r))),
    APPLIED(
            Kind.TEXT,
            List.of("app"),
            "Y Puppet applied the override, N not (yet), - no override",
            r -> switch (r.applied()) {
                case YES, NO -> new CellValue.Text(r.applied().code());
                case NO_OVERRIDE -> CellValue.ABSENT;
                case UNKNOWN -> CellValue.UNKNOWN;
            },
            r -> r.applied().code()),
    TC_ACT(
            Kind.TIME,
            List.of("tc_last", "active"),
            "time since Taskcluster last saw the worker active",
            r -> CellValue.time(r.tcActiveAge()),
            r -> Durations.compact(r.tcActiveAge())),
    TC_T_DUR(
            Kind.TIME,
            List.of("task", "tc_dur", "tc_j_sf"),
            "duration of the latest task; while it runs, the time so far and a trailing -",
            r -> CellValue.time(r.taskDuration()),
            r -> r.taskDuration() == null ? "-" : Durations.compact(r.taskDuration()) + (r.taskRunning() ? "-" : "")),
    TC_QUAR(
            Kind.TEXT,
            List.of("quarantine", "quar", "quarantined"),
            "YES while Taskcluster quarantines the worker",
            r -> Boolean.TRUE.equals(r.quarantined()) ? new CellValue.Text("YES") : CellValue.ABSENT,
            r -> Boolean.TRUE.equals(r.quarantined()) ? "YES" : "-"),
    DATA(
            Kind.TIME,
            List.of("age", "audit_age"),
            "age of the audit shown / age of the Taskcluster record",
            r -> !r.observed() ? CellValue.UNKNOWN : CellValue.time(r.dataAge()),
            r -> (r.observed() ? Durations.compact(r.dataAge()) : "?") + "/" + Durations.compact(r.tcDataAge())),
    HEALTHY(
            Kind.TEXT,
            List.of("health", "ro_health", "ok"),
            "Y audit < 1h old and ok, Puppet ok, APPLIED not N, worker active < 1h, not quarantined",
            r -> r.healthy() == Health.UNKNOWN
                    ? CellValue.UNKNOWN
                    : new CellValue.Text(r.healthy().code()),
            r -> r.healthy().code());

    /** How a column's values compare: as text, or as durations ("30m", "2h 05m"). */
    public enum Kind {
        TEXT,
        TIME
    }

    private final Kind kind;
    private final List<String> aliases;
    private final String description;
    private final Function<MonitorRow, CellValue> value;
    private final Function<MonitorRow, String> text;
    private final Comparator<MonitorRow> order;

    Column(
            Kind kind,
            List<String> aliases,
            String description,
            Function<MonitorRow, CellValue> value,
            Function<MonitorRow, String> text) {
        this.kind = kind;
        this.aliases = aliases;
        this.description = description;
        this.value = value;
        this.text = text;
        this.order = Comparator.comparing(value, CellValue.ORDER);
    }

    /** The name in the table header, which is also the name filters use. */
    public String header() {
        return name();
    }

    public Kind kind() {
        return kind;
    }

    /** Other names a query may use, lower case. */
    public List<String> aliases() {
        return aliases;
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
    private static final Comparator<MonitorRow> HOST_ORDER =
            Comparator.comparing(MonitorRow::host, NaturalOrder.INSTANCE);

    /** The column with this header or alias, ignoring case. */
    public static Optional<Column> named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Column c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(wanted) || c.aliases.contains(wanted)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static CellValue observedText(MonitorRow r, String text) {
        return !r.observed() ? CellValue.UNKNOWN : CellValue.text(text);
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
