package fleetroll.taskcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkersPageParserTest {
    private static final String NODE = """
            {"workerId": "t-linux64-ms-238", "workerGroup": "mdc1", "state": "standalone",
             "firstClaim": "2025-01-02T03:04:05.678Z", "lastDateActive": "2026-08-20T10:00:00.000Z",
             "quarantineUntil": null,
             "latestTask": {"taskId": "abcDEF123", "runId": 2,
                            "run": {"state": "COMPLETED", "started": "2026-08-20T09:00:00.000Z",
                                    "resolved": "2026-08-20T09:40:00.000Z"}}}""";

    @Test
    void readsWorkerCompactNodesAndPageInfo() throws TcResponseException {
        WorkersPage page = WorkersPageParser.parse("{\"data\": {\"workers\": {\"pageInfo\":"
                + " {\"hasNextPage\": true, \"nextCursor\": \"c2\"}, \"edges\": [{\"node\": " + NODE + "}]}}}");

        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.nextCursor()).isEqualTo("c2");
        assertThat(page.errors()).isEmpty();
        assertThat(page.workers())
                .containsExactly(new TcWorker(
                        "t-linux64-ms-238",
                        "mdc1",
                        "standalone",
                        "2025-01-02T03:04:05.678Z",
                        "2026-08-20T10:00:00.000Z",
                        null,
                        "abcDEF123",
                        2,
                        "COMPLETED",
                        "2026-08-20T09:00:00.000Z",
                        "2026-08-20T09:40:00.000Z"));
    }

    @Test
    void usesDataAndKeepsErrorsWhenAnswerHasBoth() throws TcResponseException {
        WorkersPage page = WorkersPageParser.parse("""
                {"data": {"workers": {"pageInfo": {"hasNextPage": false, "nextCursor": null},
                  "edges": [{"node": {"workerId": "w1", "workerGroup": "g", "firstClaim": "2025-01-01T00:00:00Z",
                                      "latestTask": null}}]}},
                 "errors": [{"message": "Task not found", "path": ["workers", "edges", 0, "node", "latestTask"]}]}
                """);

        assertThat(page.workers()).extracting(TcWorker::workerId).containsExactly("w1");
        assertThat(page.workers().get(0).latestTaskId()).isNull();
        assertThat(page.errors()).containsExactly("Task not found (at workers.edges.0.node.latestTask)");
    }

    @Test
    void rejectsAnswerThatIsNotJsonAndQuotesItsStart() {
        assertThatThrownBy(() -> WorkersPageParser.parse("<!DOCTYPE html>\n<html>maintenance</html>"))
                .isInstanceOf(TcResponseException.class)
                .hasMessage("answer is not JSON: \"<!DOCTYPE html> <html>maintenance</html>\"");
    }

    @Test
    void rejectsErrorsWithoutData() {
        assertThatThrownBy(() -> WorkersPageParser.parse(
                        "{\"data\": null, \"errors\": [{\"message\": \"Internal Server Error\"}]}"))
                .isInstanceOf(TcResponseException.class)
                .hasMessage("GraphQL errors: Internal Server Error");
    }

    @Test
    void rejectsJsonOfAnotherShape() {
        assertThatThrownBy(() -> WorkersPageParser.parse("[1, 2]"))
                .hasMessageStartingWith("answer is not a JSON object");
        assertThatThrownBy(() -> WorkersPageParser.parse("{\"data\": {\"provisioners\": {}}}"))
                .hasMessageStartingWith("answer has no data.workers");
        assertThatThrownBy(() -> WorkersPageParser.parse("{\"data\": {\"workers\": {\"edges\": 3}}}"))
                .hasMessageStartingWith("data.workers.edges is not a list");
        assertThatThrownBy(() -> WorkersPageParser.parse(" \n")).hasMessage("answer is empty");
    }

    @Test
    void nullEdgesAreAnEmptyLastPage() throws TcResponseException {
        WorkersPage page = WorkersPageParser.parse("{\"data\": {\"workers\": {\"pageInfo\": null, \"edges\": null}}}");

        assertThat(page.workers()).isEmpty();
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void leavesOutNodesWithoutWorkerIdAndCountsThem() throws TcResponseException {
        WorkersPage page = WorkersPageParser.parse("{\"data\": {\"workers\": {\"edges\": [null, {\"node\": null},"
                + " {\"node\": {\"workerGroup\": \"g\"}}, {\"node\": " + NODE + "}]}}}");

        assertThat(page.workers()).hasSize(1);
        assertThat(page.errors()).containsExactly("3 worker(s) without a workerId left out");
    }

    @Test
    void dropsTimeThatDoesNotParseAndSaysWhich() throws TcResponseException {
        WorkersPage page = WorkersPageParser.parse(
                "{\"data\": {\"workers\": {\"edges\": [{\"node\":"
                        + " {\"workerId\": \"w1\", \"firstClaim\": \"2025-01-01T00:00:00Z\", \"lastDateActive\": \"yesterday\"}}]}}}");

        assertThat(page.workers().get(0).lastDateActive()).isNull();
        assertThat(page.workers().get(0).firstClaim()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(page.errors()).containsExactly("w1: lastDateActive is not a date-time: \"yesterday\"");
    }

    @Test
    void randomBodiesFailOnlyWithTcResponseException() {
        Random random = new Random(6);
        String[] parts = {
            "{",
            "}",
            "[",
            "]",
            "\"data\"",
            "\"workers\"",
            "\"edges\"",
            "\"node\"",
            ":",
            ",",
            "null",
            "1",
            "\"errors\"",
            "\"x\"",
            "true",
            "\u00e9",
            "\u0000"
        };
        for (int i = 0; i < 20_000; i++) {
            StringBuilder body = new StringBuilder();
            int n = random.nextInt(30);
            for (int j = 0; j < n; j++) {
                body.append(parts[random.nextInt(parts.length)]);
            }
            try {
                WorkersPageParser.parse(body.toString());
            } catch (TcResponseException expected) {
                // a clear error is the right answer to garbage
            }
        }
    }
}
