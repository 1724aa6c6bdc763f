package fleetroll.taskcluster;

import fleetroll.BadInputException;
import fleetroll.config.UserConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Role to worker pool: config.yaml's {@code taskcluster: worker_types:} first, then the built-in
 * Linux table, then the macOS rule. The override file can still move a single host elsewhere;
 * that is {@link HostPlanner}'s business, not the role's.
 */
public final class RoleMapping {
    /** The known Linux hardware roles (reference README, and the Python fleetroll's table). */
    static final Map<String, WorkerPool> BUILT_IN = Map.of(
            "gecko_t_linux_talos", WorkerPool.parse("gecko-t-linux-talos-1804"),
            "gecko_t_linux_2404_talos", WorkerPool.parse("gecko-t-linux-talos-2404"),
            "gecko_t_linux_netperf", WorkerPool.parse("gecko-t-linux-netperf-1804"),
            "gecko_t_linux_2404_netperf", WorkerPool.parse("gecko-t-linux-netperf-2404"));

    // Every macOS role of the fleet has "osx" as one of its words (gecko_t_osx_1500_m4,
    // gecko_3_b_osx_arm64, mozillavpn_b_1_osx); a host that reported Darwin counts too.
    private static final Pattern MACOS_ROLE = Pattern.compile("(^|.*_)osx(_.*|$)");

    private final Map<String, WorkerPool> configured;

    private RoleMapping(Map<String, WorkerPool> configured) {
        this.configured = configured;
    }

    public static final RoleMapping BUILT_IN_ONLY = new RoleMapping(Map.of());

    /**
     * Reads {@code taskcluster: worker_types: {ROLE: WORKER_TYPE | PROVISIONER/WORKER_TYPE}}. A
     * value that is not a worker type is bad input, named with the file and role.
     */
    public static RoleMapping fromConfig(UserConfig config) {
        Object section = config.section("taskcluster").get("worker_types");
        if (section == null) {
            return BUILT_IN_ONLY;
        }
        if (!(section instanceof Map<?, ?> entries)) {
            throw new BadInputException(config.source() + ": taskcluster.worker_types must map roles to worker types");
        }
        Map<String, WorkerPool> configured = new LinkedHashMap<>();
        entries.forEach((role, value) -> {
            if (!(value instanceof String text) || text.isBlank()) {
                throw new BadInputException(config.source() + ": taskcluster.worker_types." + role
                        + ": expected WORKER_TYPE or PROVISIONER/WORKER_TYPE, got " + value);
            }
            try {
                configured.put(String.valueOf(role), WorkerPool.parse(text));
            } catch (BadInputException e) {
                throw new BadInputException(
                        config.source() + ": taskcluster.worker_types." + role + ": " + e.getMessage());
            }
        });
        return new RoleMapping(Map.copyOf(configured));
    }

    /** The pool of {@code role} on a host that reported {@code osType} (null when unknown). */
    public Optional<Mapped> lookup(String role, String osType) {
        WorkerPool fromConfig = configured.get(role);
        if (fromConfig != null) {
            return Optional.of(new Mapped(fromConfig, MappingSource.CONFIG));
        }
        WorkerPool builtIn = BUILT_IN.get(role);
        if (builtIn != null) {
            return Optional.of(new Mapped(builtIn, MappingSource.BUILT_IN));
        }
        boolean darwin = osType != null && osType.toLowerCase(Locale.ROOT).equals("darwin");
        if (darwin || MACOS_ROLE.matcher(role).matches()) {
            try {
                return Optional.of(new Mapped(WorkerPool.parse(role.replace('_', '-')), MappingSource.MACOS_RULE));
            } catch (BadInputException e) {
                return Optional.empty(); // a role too long or odd to be a worker type: no mapping
            }
        }
        return Optional.empty();
    }

    /** The roles config.yaml maps, for -v. */
    public Map<String, WorkerPool> configured() {
        return configured;
    }

    public record Mapped(WorkerPool pool, MappingSource source) {}
}
