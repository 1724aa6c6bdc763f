package fleetroll.taskcluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import fleetroll.store.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lists the workers of one pool through Taskcluster's GraphQL API: {@code POST <root>/graphql},
 * the {@code workers} query, pages of {@value #PAGE_LIMIT} following {@code pageInfo.nextCursor}.
 * A 5xx answer, a timeout or a broken connection is tried again with doubling waits; anything
 * else that is unusable fails the pool at once with one line saying why. Anonymous: reads need
 * no credentials, so none are sent.
 */
public final class WorkerClient implements AutoCloseable {
    /** The most the API returns per page (web-server-Workers.graphql, PageConnection.limit). */
    public static final int PAGE_LIMIT = 1000;

    // A runaway cursor (a server bug) must not keep us paging forever: 1000 pages is 1M workers.
    private static final int MAX_PAGES = 1000;

    // Only fields of WorkerCompact, LatestTask and TaskRun in the reference schema files.
    static final String QUERY = """
            query ViewWorkers($provisionerId: String!, $workerType: String!, $workersConnection: PageConnection) {
              workers(provisionerId: $provisionerId, workerType: $workerType, connection: $workersConnection) {
                pageInfo { hasNextPage nextCursor }
                edges {
                  node {
                    workerId
                    workerGroup
                    state
                    firstClaim
                    lastDateActive
                    quarantineUntil
                    latestTask { taskId runId run { state started resolved } }
                  }
                }
              }
            }
            """;

    private final ClientSettings settings;
    private final HttpClient http;
    private final String userAgent;

    public WorkerClient(ClientSettings settings, String userAgent) {
        this.settings = settings;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Every worker of {@code pool}, or why not. Never throws for a network or server fault. */
    public PoolFetch fetch(WorkerPool pool, FetchListener listener) throws InterruptedException {
        long start = System.nanoTime();
        List<TcWorker> workers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> cursorsSeen = new HashSet<>();
        String cursor = null;
        int page = 0;
        while (true) {
            page++;
            WorkersPage answer;
            try {
                answer = fetchPage(pool, page, cursor, listener);
            } catch (PageFailure e) {
                return new PoolFetch.Failed(
                        pool, (page == 1 ? "" : "page " + page + ": ") + e.getMessage(), since(start));
            }
            workers.addAll(answer.workers());
            for (String message : answer.errors()) {
                errors.add(page == 1 ? message : "page " + page + ": " + message);
            }
            if (!answer.hasNextPage()) {
                break;
            }
            if (answer.nextCursor() == null || answer.nextCursor().isEmpty()) {
                errors.add("page " + page + " says hasNextPage but gives no nextCursor; later pages not read");
                break;
            }
            if (!cursorsSeen.add(answer.nextCursor()) || page >= MAX_PAGES) {
                return new PoolFetch.Failed(
                        pool, "page " + page + ": the server keeps returning more pages; stopped", since(start));
            }
            cursor = answer.nextCursor();
        }
        return new PoolFetch.Fetched(pool, List.copyOf(workers), page, List.copyOf(errors), since(start));
    }

    private WorkersPage fetchPage(WorkerPool pool, int page, String cursor, FetchListener listener)
            throws PageFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.graphqlUrl())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(body(pool, cursor), StandardCharsets.UTF_8))
                .build();
        Duration wait = settings.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            listener.requestSent(pool, page, attempt, request.uri().toString(), cursor);
            long sent = System.nanoTime();
            String transientFault;
            try {
                HttpResponse<String> response = send(request);
                int status = response.statusCode();
                String body = response.body();
                if (status >= 500) {
                    transientFault = "HTTP " + status;
                    listener.responseReceived(
                            pool, page, attempt, transientFault + ", " + body.length() + " bytes", since(sent));
                } else if (status != 200) {
                    listener.responseReceived(pool, page, attempt, "HTTP " + status, since(sent));
                    throw new PageFailure(
                            "HTTP " + status + " from " + request.uri() + ": " + WorkersPageParser.excerpt(body));
                } else {
                    try {
                        WorkersPage parsed = WorkersPageParser.parse(body);
                        listener.responseReceived(pool, page, attempt, summary(status, body, parsed), since(sent));
                        return parsed;
                    } catch (TcResponseException e) {
                        listener.responseReceived(
                                pool, page, attempt, "HTTP 200, unusable: " + e.getMessage(), since(sent));
                        throw new PageFailure(e.getMessage());
                    }
                }
            } catch (HttpTimeoutException | TimeoutException e) {
                transientFault = "no answer within " + seconds(settings.requestTimeout());
                listener.responseReceived(pool, page, attempt, transientFault, since(sent));
            } catch (IOException e) {
                transientFault = "connection failed: " + describe(e);
                listener.responseReceived(pool, page, attempt, transientFault, since(sent));
            }
            if (attempt >= settings.attempts()) {
                throw new PageFailure(transientFault + " after " + attempt + (attempt == 1 ? " try" : " tries"));
            }
            listener.retrying(pool, page, attempt, transientFault, wait);
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2);
        }
    }

    /**
     * HttpClient's own timeout ends when the headers arrive; a server that sends headers and then
     * stalls the body would hold us forever, so the whole exchange gets the deadline too.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<String>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    static String body(WorkerPool pool, String cursor) {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("limit", PAGE_LIMIT);
        if (cursor != null) {
            connection.put("cursor", cursor);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("provisionerId", pool.provisionerId());
        variables.put("workerType", pool.workerType());
        variables.put("workersConnection", connection);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operationName", "ViewWorkers");
        body.put("query", QUERY);
        body.put("variables", variables);
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the workers query", e);
        }
    }

    private static String summary(int status, String body, WorkersPage page) {
        return "HTTP " + status + ", " + body.length() + " bytes: "
                + page.workers().size() + " workers, "
                + (page.hasNextPage() ? "more pages" : "last page")
                + (page.errors().isEmpty() ? "" : ", " + page.errors().size() + " GraphQL errors");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            message = cause != null && cause.getMessage() != null
                    ? cause.getMessage()
                    : e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse("");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    @Override
    public void close() {
        http.close();
    }

    /** One page could not be read; its message is the pool's failure reason. */
    private static final class PageFailure extends Exception {
        PageFailure(String message) {
            super(message);
        }
    }
}
