package fleetroll.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One host's Taskcluster worker as tc-fetch saw it: the row {@code tc_workers(host, ts, type,
 * data)} holds this object as {@code data}. {@code host} is the short host name (the workerId);
 * {@code ts} is when it was fetched. Times from Taskcluster are kept as the ISO strings it sent;
 * absent values are null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkerRecord(
        String host,
        String ts,
        String provisioner,
        String workerType,
        String workerGroup,
        String workerId,
        String state,
        String firstClaim,
        String lastDateActive,
        String quarantineUntil,
        String latestTaskId,
        Integer latestRunId,
        String latestTaskState,
        String latestTaskStarted,
        String latestTaskResolved) {

    @JsonIgnore
    public Instant fetchedAt() {
        return Observation.parseTimestamp(ts);
    }
}
