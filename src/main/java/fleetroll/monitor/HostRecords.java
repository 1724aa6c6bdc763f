package fleetroll.monitor;

import fleetroll.hosts.HostTarget;
import fleetroll.store.Observation;
import fleetroll.store.WorkerRecord;

/**
 * What the store held about one requested host when it was read: the input of {@link RowBuilder}.
 * {@code latest} is null for a host never audited, {@code latestSuccessful} when no audit of it
 * ever succeeded (it is {@code latest} itself when the newest succeeded), {@code worker} when
 * tc-fetch stored no record of its short name.
 */
public record HostRecords(HostTarget target, Observation latest, Observation latestSuccessful, WorkerRecord worker) {

    public static HostRecords neverAudited(HostTarget target) {
        return new HostRecords(target, null, null, null);
    }

    public String host() {
        return target.host();
    }

    /** With {@code observation} merged in: it replaces what it is newer than. */
    public HostRecords with(Observation observation) {
        Observation newest = isNewer(observation, latest) ? observation : latest;
        Observation ok = observation.ok() && isNewer(observation, latestSuccessful) ? observation : latestSuccessful;
        return new HostRecords(target, newest, ok, worker);
    }

    /** With {@code record} as the worker record unless the one held was fetched later. */
    public HostRecords with(WorkerRecord record) {
        boolean newer = worker == null || record.ts().compareTo(worker.ts()) >= 0;
        return new HostRecords(target, latest, latestSuccessful, newer ? record : worker);
    }

    // Stored ts strings are all of one width in UTC, so comparing text compares instants.
    private static boolean isNewer(Observation candidate, Observation current) {
        return current == null || candidate.ts().compareTo(current.ts()) >= 0;
    }
}
