package fleetroll.taskcluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.store.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a GraphQL answer to the {@code workers} query (web-server-Workers.graphql:
 * {@code WorkersCompactConnection}). Pure, so every malformed shape is a unit test.
 *
 * <p>GraphQL nulls a field it could not resolve and says why in {@code errors}; such an answer is
 * still used. A null edge or node, or a node without workerId, is left out and counted as an error.
 */
public final class WorkersPageParser {
    private static final int MAX_SHOWN_BODY = 80;

    private WorkersPageParser() {}

    public static WorkersPage parse(String body) throws TcResponseException {
        if (body == null || body.isBlank()) {
            throw new TcResponseException("answer is empty");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TcResponseException("answer is not JSON: " + excerpt(body));
        }
        if (root == null || !root.isObject()) {
            throw new TcResponseException("answer is not a JSON object: " + excerpt(body));
        }
        List<String> errors = errorMessages(root.get("errors"));
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            throw new TcResponseException(
                    errors.isEmpty()
                            ? "answer has neither data nor errors: " + excerpt(body)
                            : "GraphQL errors: " + String.join("; ", errors));
        }
        JsonNode connection = data.get("workers");
        if (connection == null || connection.isNull()) {
            throw new TcResponseException(
                    errors.isEmpty()
                            ? "answer has no data.workers: " + excerpt(body)
                            : "GraphQL errors: " + String.join("; ", errors));
        }
        if (!connection.isObject()) {
            throw new TcResponseException("data.workers is not an object: " + excerpt(body));
        }
        List<TcWorker> workers = new ArrayList<>();
        JsonNode edges = connection.get("edges");
        if (edges != null && !edges.isNull()) {
            if (!edges.isArray()) {
                throw new TcResponseException("data.workers.edges is not a list: " + excerpt(body));
            }
            int skipped = 0;
            for (JsonNode edge : edges) {
                JsonNode node = edge == null ? null : edge.get("node");
                String workerId = text(node, "workerId");
                if (node == null || !node.isObject() || workerId == null) {
                    skipped++;
                    continue;
                }
                workers.add(worker(node, workerId, errors));
            }
            if (skipped > 0) {
                errors.add(skipped + " worker(s) without a workerId left out");
            }
        }
        JsonNode pageInfo = connection.get("pageInfo");
        boolean hasNextPage = pageInfo != null && pageInfo.path("hasNextPage").asBoolean(false);
        String nextCursor = text(pageInfo, "nextCursor");
        return new WorkersPage(List.copyOf(workers), hasNextPage, nextCursor, List.copyOf(errors));
    }

    private static TcWorker worker(JsonNode node, String workerId, List<String> errors) {
        JsonNode latestTask = node.get("latestTask");
        JsonNode run = latestTask == null ? null : latestTask.get("run");
        JsonNode runId = latestTask == null ? null : latestTask.get("runId");
        return new TcWorker(
                workerId,
                text(node, "workerGroup"),
                text(node, "state"),
                time(node, "firstClaim", workerId, errors),
                time(node, "lastDateActive", workerId, errors),
                time(node, "quarantineUntil", workerId, errors),
                text(latestTask, "taskId"),
                runId != null && runId.canConvertToInt() ? runId.intValue() : null,
                text(run, "state"),
                time(run, "started", workerId, errors),
                time(run, "resolved", workerId, errors));
    }

    /** A DateTime field, kept as sent; one that does not parse is dropped and reported. */
    private static String time(JsonNode parent, String field, String workerId, List<String> errors) {
        String value = text(parent, field);
        if (value == null) {
            return null;
        }
        try {
            OffsetDateTime.parse(value);
            return value;
        } catch (DateTimeParseException e) {
            errors.add(workerId + ": " + field + " is not a date-time: " + excerpt(value));
            return null;
        }
    }

    private static String text(JsonNode parent, String field) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode value = parent.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static List<String> errorMessages(JsonNode errors) {
        List<String> messages = new ArrayList<>();
        if (errors == null || errors.isNull()) {
            return messages;
        }
        if (!errors.isArray()) {
            messages.add(excerpt(errors.toString()));
            return messages;
        }
        for (JsonNode error : errors) {
            String message = text(error, "message");
            JsonNode path = error == null ? null : error.get("path");
            String where = path != null && path.isArray() ? " (at " + joinPath(path) + ")" : "";
            messages.add((message == null ? excerpt(String.valueOf(error)) : message) + where);
        }
        return messages;
    }

    private static String joinPath(JsonNode path) {
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.asText()));
        return String.join(".", parts);
    }

    /** The start of a body for an error line: one line, printable, short. */
    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty)";
        }
        String flat = body.strip().replaceAll("[\\p{Cntrl}\\s]+", " ");
        return flat.length() <= MAX_SHOWN_BODY ? "\"" + flat + "\"" : "\"" + flat.substring(0, MAX_SHOWN_BODY) + "…\"";
    }
}
