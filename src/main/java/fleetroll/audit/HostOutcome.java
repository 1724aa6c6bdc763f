package fleetroll.audit;

import fleetroll.hosts.HostTarget;
import fleetroll.remote.FailureKind;
import fleetroll.store.Observation;

/**
 * How the audit of one host ended: probed, or failed with a kind and the ssh details. Every target
 * ends in exactly one outcome, and every outcome is stored as an {@link Observation}.
 */
public sealed interface HostOutcome {
    HostTarget target();

    Observation observation();

    default boolean succeeded() {
        return this instanceof Probed;
    }

    /** The probe ran and its answer was read; {@code overrideContent} is null without an override. */
    record Probed(HostTarget target, Observation observation, byte[] overrideContent) implements HostOutcome {
        @Override
        public String toString() {
            return "Probed[" + target + "]";
        }
    }

    record Failed(HostTarget target, Observation observation, FailureKind kind, String detail) implements HostOutcome {}
}
