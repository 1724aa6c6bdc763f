package fleetroll.change;

import fleetroll.hosts.HostTarget;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a dry run knows about the targets before anything is sent: for each host, what its latest
 * successful audit saw at the destination. Pure; the write itself checks again on the host.
 */
public record ChangePlan(List<HostTarget> targets, List<HostState> states, boolean observationsApply) {
    public enum Seen {
        /** The file holds the new contents already. */
        SAME,
        /** The file holds other contents: a write is refused without --force. */
        DIFFERENT,
        /** No file there. */
        ABSENT,
        /** No successful audit of this host yet. */
        NEVER_AUDITED
    }

    /** @param sha256 what the audit saw, when there was a file */
    public record HostState(HostTarget target, Seen seen, Optional<String> sha256, Optional<String> auditedAt) {}

    /** @param latestSuccessful the newest successful observation per host name */
    public static ChangePlan of(
            ChangeRequest request, List<HostTarget> targets, Map<String, Observation> latestSuccessful) {
        return of(request.file(), request.destination(), request.newSha256(), targets, latestSuccessful);
    }

    /**
     * @param newSha256 the contents to write; empty for a removal, where any file is DIFFERENT
     * @param latestSuccessful the newest successful observation per host name
     */
    public static ChangePlan of(
            ManagedFile file,
            Destination destination,
            Optional<String> newSha256,
            List<HostTarget> targets,
            Map<String, Observation> latestSuccessful) {
        // Audits look at the default paths only: they say nothing about a --path elsewhere.
        boolean apply = destination.equals(file.defaultDestination());
        List<HostState> states = new ArrayList<>();
        for (HostTarget target : targets) {
            Observation observation = latestSuccessful.get(target.host());
            if (!apply || observation == null || observation.observed() == null) {
                states.add(new HostState(target, Seen.NEVER_AUDITED, Optional.empty(), Optional.empty()));
                continue;
            }
            ObservedState o = observation.observed();
            boolean present = file == ManagedFile.VAULT ? o.vaultPresent() : o.overridePresent();
            Optional<String> sha =
                    Optional.ofNullable(file == ManagedFile.VAULT ? o.vaultSha256() : o.overrideSha256());
            Seen seen = !present ? Seen.ABSENT : sha.isPresent() && sha.equals(newSha256) ? Seen.SAME : Seen.DIFFERENT;
            states.add(new HostState(target, seen, present ? sha : Optional.empty(), Optional.of(observation.ts())));
        }
        return new ChangePlan(List.copyOf(targets), List.copyOf(states), apply);
    }

    public List<HostState> withState(Seen seen) {
        return states.stream().filter(s -> s.seen() == seen).toList();
    }
}
