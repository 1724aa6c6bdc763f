package fleetroll.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One host's Taskcluster worker as tc-fetch saw it: the row {@code tc_workers(host, ts, type,
 * data)} holds this object as {@code data}. {@code host} is the short host name (the workerId);
 * {@code ts} is when it was fetched. Times from Taskcluster are kept as the ISO strings it sent;
 * absent values are null.
 *
 * <p>JSON names are the Python fleetroll's ({@code worker_id}, {@code task_state}, ...), so
 * either tool reads the other's rows; {@code worker_group}, {@code first_claim}, {@code task_id}
 * and {@code task_run_id} are ours, and Python ignores them.
 */
public record WorkerRecord(
        @JsonProperty("host") String host,
        @JsonProperty("ts") String ts,
        @JsonProperty("provisioner") String provisioner,
        @JsonProperty("worker_type") String workerType,
        @JsonProperty("worker_group") String workerGroup,
        @JsonProperty("worker_id") String workerId,
        @JsonProperty("state") String state,
        @JsonProperty("first_claim") String firstClaim,
        @JsonProperty("last_date_active") String lastDateActive,
        @JsonProperty("quarantine_until") String quarantineUntil,
        @JsonProperty("task_id") String latestTaskId,
        @JsonProperty("task_run_id") Integer latestRunId,
        @JsonProperty("task_state") String latestTaskState,
        @JsonProperty("task_started") String latestTaskStarted,
        @JsonProperty("task_resolved") String latestTaskResolved) {

    /** The value of the {@code type} column, also written into {@code data} as Python did. */
    public static final String TYPE = "worker";

    @JsonProperty(value = "type", access = JsonProperty.Access.READ_ONLY)
    public String type() {
        return TYPE;
    }

    @JsonIgnore
    public Instant fetchedAt() {
        return Observation.parseTimestamp(ts);
    }

    public WorkerRecord withTs(String newTs) {
        return new WorkerRecord(
                host,
                newTs,
                provisioner,
                workerType,
                workerGroup,
                workerId,
                state,
                firstClaim,
                lastDateActive,
                quarantineUntil,
                latestTaskId,
                latestRunId,
                latestTaskState,
                latestTaskStarted,
                latestTaskResolved);
    }
}
