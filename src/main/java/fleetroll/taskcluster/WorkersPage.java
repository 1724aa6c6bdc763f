package fleetroll.taskcluster;

import java.util.List;

/**
 * One page of the {@code workers} query. {@code errors} holds the messages of a GraphQL answer
 * that came with both {@code data} and {@code errors}: the data is used, the messages reported.
 */
public record WorkersPage(List<TcWorker> workers, boolean hasNextPage, String nextCursor, List<String> errors) {}
