package fleetroll.taskcluster;

/**
 * One node of the GraphQL {@code workers} answer ({@code WorkerCompact}) with its latest task run.
 * Times are the ISO strings Taskcluster sent, checked to parse; absent values are null.
 * {@code taskState} is the GraphQL {@code RunState} (PENDING, RUNNING, COMPLETED, FAILED,
 * EXCEPTION).
 */
public record TcWorker(
        String workerId,
        String workerGroup,
        String state,
        String firstClaim,
        String lastDateActive,
        String quarantineUntil,
        String latestTaskId,
        Integer latestRunId,
        String taskState,
        String taskStarted,
        String taskResolved) {}
