package fleetroll.taskcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fleetroll.store.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Taskcluster GraphQL endpoint on 127.0.0.1: {@code POST /graphql} answers the
 * {@code workers} query with {@code WorkersCompactConnection} pages (at most min(limit, 1000)
 * workers, an opaque nextCursor). Every node it sends is checked against the schema copies, so
 * the tests cannot drift from the real shape. Faults are queued per pool, one per request.
 */
public final class FakeTaskcluster implements AutoCloseable {
    public enum Fault {
        /** HTTP 500 with a JSON error body. */
        HTTP_500,
        /** HTTP 503 with an HTML body, as a load balancer sends it. */
        HTTP_503,
        /** Headers and body only after {@link #hangFor}: longer than the client's timeout. */
        HANG,
        /** HTTP 200 with a body that is not JSON. */
        INVALID_JSON,
        /** The page, with the first worker's latestTask nulled and an {@code errors} entry. */
        PARTIAL_ERRORS,
        /** {@code {"data": null, "errors": [...]}}. */
        ERRORS_ONLY,
        /** HTTP 404 (a root URL that is not Taskcluster). */
        HTTP_404,
    }

    static final GraphqlSchema SCHEMA = GraphqlSchema.taskcluster();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HttpServer server;
    private final Map<String, List<ObjectNode>> pools = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicBoolean authorizationSeen = new AtomicBoolean();
    public volatile Duration hangFor = Duration.ofSeconds(3);
    public volatile Duration delay = Duration.ZERO;

    private FakeTaskcluster(HttpServer server) {
        this.server = server;
    }

    public static FakeTaskcluster start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeTaskcluster fake = new FakeTaskcluster(server);
        server.createContext("/graphql", fake::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return fake;
    }

    public URI rootUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code workers} for "PROVISIONER/WORKER_TYPE". */
    public FakeTaskcluster pool(String pool, List<ObjectNode> workers) {
        workers.forEach(FakeTaskcluster::checkAgainstSchema);
        pools.put(pool, List.copyOf(workers));
        return this;
    }

    /** The next requests for {@code pool} get these faults, one each, then normal answers. */
    public FakeTaskcluster failNext(String pool, Fault... next) {
        faults.computeIfAbsent(pool, k -> new ArrayDeque<>()).addAll(List.of(next));
        return this;
    }

    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<JsonNode> requestsFor(String pool) {
        return requests().stream().filter(r -> poolOf(r).equals(pool)).toList();
    }

    /** Whether any request carried credentials: reads must be anonymous. */
    public boolean sawAuthorizationHeader() {
        return authorizationSeen.get();
    }

    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** A WorkerCompact node with a latest task; times count back from {@code now}. */
    public static ObjectNode worker(String workerId, Instant now) {
        ObjectNode node = NODES.objectNode();
        node.put("workerId", workerId);
        node.put("workerGroup", "mdc1");
        node.put("state", "standalone");
        node.put("firstClaim", now.minus(Duration.ofDays(200)).toString());
        node.put("lastDateActive", now.minus(Duration.ofMinutes(10)).toString());
        node.putNull("quarantineUntil");
        ObjectNode task = node.putObject("latestTask");
        task.put("taskId", "fBYx1NMjTxWqtlpqvLNv" + Math.abs(workerId.hashCode() % 100));
        task.put("runId", 0);
        ObjectNode run = task.putObject("run");
        run.put("state", "COMPLETED");
        run.put("started", now.minus(Duration.ofMinutes(20)).toString());
        run.put("resolved", now.minus(Duration.ofMinutes(12)).toString());
        return node;
    }

    public static List<ObjectNode> workers(String prefix, int count, Instant now) {
        List<ObjectNode> list = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            list.add(worker(String.format("%s-%03d", prefix, i), now));
        }
        return list;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "POST only");
                return;
            }
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                authorizationSeen.set(true);
            }
            JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody());
            requests.add(request);
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            String pool = poolOf(request);
            Fault fault = nextFault(pool);
            if (fault != null) {
                switch (fault) {
                    case HTTP_500 -> {
                        send(exchange, 500, "application/json", "{\"code\":\"InternalServerError\"}");
                        return;
                    }
                    case HTTP_503 -> {
                        send(exchange, 503, "text/html", "<html><body>503 Service Unavailable</body></html>");
                        return;
                    }
                    case HTTP_404 -> {
                        send(exchange, 404, "text/html", "<html>Not Found</html>");
                        return;
                    }
                    case HANG -> Thread.sleep(hangFor.toMillis());
                    case INVALID_JSON -> {
                        send(exchange, 200, "text/html", "<!DOCTYPE html><html>Taskcluster is down for maintenance");
                        return;
                    }
                    case ERRORS_ONLY -> {
                        ObjectNode body = NODES.objectNode();
                        body.putNull("data");
                        body.putArray("errors").addObject().put("message", "Internal Server Error");
                        send(exchange, 200, "application/json", body.toString());
                        return;
                    }
                    case PARTIAL_ERRORS -> {}
                }
            }
            send(
                    exchange,
                    200,
                    "application/json",
                    page(request, fault == Fault.PARTIAL_ERRORS).toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout) and closed the connection: nothing to answer
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ObjectNode page(JsonNode request, boolean partialErrors) {
        String query = request.path("query").asText();
        JsonNode connection = request.path("variables").path("workersConnection");
        int limit = connection.path("limit").asInt(1000);
        if (!query.contains("workers(") || limit < 1 || limit > 1000) {
            ObjectNode error = NODES.objectNode();
            error.putNull("data");
            error.putArray("errors").addObject().put("message", "bad request: limit " + limit);
            return error;
        }
        List<ObjectNode> all = pools.getOrDefault(poolOf(request), List.of());
        int offset = connection.hasNonNull("cursor")
                ? decodeCursor(connection.get("cursor").asText())
                : 0;
        int end = Math.min(all.size(), offset + limit);
        ObjectNode body = NODES.objectNode();
        ObjectNode workers = body.putObject("data").putObject("workers");
        ObjectNode pageInfo = workers.putObject("pageInfo");
        pageInfo.put("hasNextPage", end < all.size());
        if (end < all.size()) {
            pageInfo.put("nextCursor", encodeCursor(end));
        } else {
            pageInfo.putNull("nextCursor");
        }
        ArrayNode edges = workers.putArray("edges");
        for (int i = offset; i < end; i++) {
            ObjectNode node = all.get(i).deepCopy();
            if (partialErrors && i == offset) {
                node.putNull("latestTask"); // LatestTask is nullable: the failed field becomes null
            }
            edges.addObject().set("node", node);
        }
        if (partialErrors) {
            ObjectNode error = body.putArray("errors").addObject();
            error.put("message", "Task not found");
            ArrayNode path = error.putArray("path");
            path.add("workers").add("edges").add(0).add("node").add("latestTask");
        }
        return body;
    }

    private Fault nextFault(String pool) {
        Deque<Fault> queue = faults.get(pool);
        synchronized (this) {
            return queue == null ? null : queue.pollFirst();
        }
    }

    private static String poolOf(JsonNode request) {
        JsonNode v = request.path("variables");
        return v.path("provisionerId").asText() + "/" + v.path("workerType").asText();
    }

    private static String encodeCursor(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring("offset:".length()));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Fails the test set-up when a node holds a field the schema does not declare for it. */
    static void checkAgainstSchema(ObjectNode node) {
        check("WorkerCompact", node);
    }

    private static void check(String type, JsonNode value) {
        Map<String, String> fields = SCHEMA.types.get(type);
        if (fields == null) {
            throw new IllegalStateException("schema has no type " + type);
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String fieldType = SCHEMA.fieldType(type, name);
            if (fieldType == null) {
                throw new IllegalStateException(type + " has no field " + name + " in the schema");
            }
            JsonNode v = value.get(name);
            if (v.isNull()) {
                if (SCHEMA.isNonNull(type, name)) {
                    throw new IllegalStateException(type + "." + name + " is non-null in the schema");
                }
            } else if (v.isObject()) {
                check(fieldType, v);
            } else if (SCHEMA.enums.containsKey(fieldType)
                    && !SCHEMA.enums.get(fieldType).contains(v.asText())) {
                throw new IllegalStateException(type + "." + name + ": " + v.asText() + " is not a " + fieldType);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
