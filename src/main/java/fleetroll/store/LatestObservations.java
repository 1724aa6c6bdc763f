package fleetroll.store;

/**
 * The newest audit attempt of one host and its newest successful attempt: the same object when
 * the newest succeeded, null when the host never had a successful audit.
 */
public record LatestObservations(Observation latest, Observation latestSuccessful) {}
