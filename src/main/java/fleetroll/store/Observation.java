package fleetroll.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One audit attempt of one host, successful or not: the row {@code host_observations(host, ts,
 * ok, data)} holds this object as {@code data}. {@code observed} is null when the attempt failed;
 * {@code error} then names the kind of failure.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Observation(
        String ts,
        String actor,
        String action,
        String host,
        boolean ok,
        Integer sshRc,
        String stderr,
        String error,
        ObservedState observed) {

    public static final String ACTION_AUDIT = "host.audit";

    // Microseconds, always: ISO strings of one width sort like the instants they name.
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    public static String timestamp(Instant instant) {
        return TS.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static Instant parseTimestamp(String ts) {
        return OffsetDateTime.parse(ts).toInstant();
    }

    @JsonIgnore
    public Instant observedAt() {
        return parseTimestamp(ts);
    }

    public Observation withTs(String newTs) {
        return new Observation(newTs, actor, action, host, ok, sshRc, stderr, error, observed);
    }
}
