package fleetroll.taskcluster;

import fleetroll.BadInputException;
import fleetroll.hosts.HostTarget;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides each host's worker pool from what host-audit stored: the role of its newest successful
 * audit, moved by an uncommented WORKER_TYPE_OVERRIDE in that audit's override file. Pure: the
 * caller passes the observations and a way to read stored override contents.
 */
public final class HostPlanner {
    private final RoleMapping mapping;
    private final Function<String, Optional<byte[]>> overrideBySha;

    public HostPlanner(RoleMapping mapping, Function<String, Optional<byte[]>> overrideBySha) {
        this.mapping = mapping;
        this.overrideBySha = overrideBySha;
    }

    /**
     * @param latestSuccessful each host's newest successful observation, keyed by {@link
     *     HostTarget#host()}; a host whose latest attempt failed keeps the role it had, since a
     *     down host is exactly the one whose worker an operator wants to see
     */
    public List<HostPlan> plan(List<HostTarget> targets, Map<String, Observation> latestSuccessful) {
        return targets.stream()
                .map(t -> plan(t, latestSuccessful.get(t.host())))
                .toList();
    }

    HostPlan plan(HostTarget target, Observation observation) {
        if (observation == null || observation.observed() == null) {
            return new HostPlan.Unassigned(target, null, "no successful audit stored: run host-audit first");
        }
        ObservedState observed = observation.observed();
        String role = observed.rolePresent() ? observed.role() : null;
        if (observed.overridePresent() && observed.overrideSha256() != null) {
            String sha = observed.overrideSha256();
            Optional<byte[]> content = overrideBySha.apply(sha);
            if (content.isEmpty()) {
                // Guessing the role's pool could show another host's worker; say what is missing.
                // An old row's sha may be shorter than the 12 digits shown.
                return new HostPlan.Unassigned(
                        target,
                        role,
                        "override " + sha.substring(0, Math.min(12, sha.length()))
                                + " is not in the local store: run host-audit again");
            }
            Optional<String> override = WorkerTypeOverride.find(content.get());
            if (override.isPresent()) {
                try {
                    return new HostPlan.Assigned(
                            target, role, WorkerPool.parse(override.get()), MappingSource.OVERRIDE);
                } catch (BadInputException e) {
                    return new HostPlan.Unassigned(
                            target, role, WorkerTypeOverride.KEY + " in its override: " + e.getMessage());
                }
            }
        }
        if (role == null || role.isBlank()) {
            return new HostPlan.Unassigned(target, null, "no role: /etc/puppet_role was absent at the last audit");
        }
        return mapping.lookup(role, observed.osType())
                .<HostPlan>map(m -> new HostPlan.Assigned(target, role, m.pool(), m.source()))
                .orElseGet(() -> new HostPlan.Unassigned(
                        target,
                        role,
                        "no worker type for role " + role
                                + ": map it in config.yaml under taskcluster: worker_types:"));
    }
}
