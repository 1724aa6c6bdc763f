package fleetroll.taskcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.taskcluster.FakeTaskcluster.Fault;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerClientTest {
    private static final Instant NOW = Instant.parse("2026-08-21T12:00:00Z");
    private static final String TALOS = "releng-hardware/gecko-t-linux-talos-1804";
    private static final WorkerPool TALOS_POOL = WorkerPool.parse(TALOS);

    private FakeTaskcluster fake;
    private WorkerClient client;
    private WorkerClient closeAfter; // a patientClient() to close too
    private final List<String> trace = new ArrayList<>();
    private final FetchListener listener = new FetchListener() {
        @Override
        public synchronized void retrying(WorkerPool pool, int page, int attempt, String why, Duration wait) {
            trace.add("retry page " + page + " after try " + attempt + ": " + why);
        }
    };

    @BeforeEach
    void start() throws IOException {
        fake = FakeTaskcluster.start();
        fake.hangFor = Duration.ofMillis(1500);
        client = new WorkerClient(
                new ClientSettings(fake.rootUrl(), Duration.ofMillis(400), 3, Duration.ofMillis(10), 4),
                "fleetroll/test");
    }

    /**
     * For the tests of 1,000-worker pages, which are about paging, not deadlines: the shared
     * client's 400 ms (short, so that the hang tests are quick) is not always enough to serve such
     * a page on a loaded two-core machine, and a retry there changes what those tests count.
     */
    private WorkerClient patientClient() {
        WorkerClient patient = new WorkerClient(
                new ClientSettings(fake.rootUrl(), Duration.ofSeconds(20), 3, Duration.ofMillis(10), 4),
                "fleetroll/test");
        closeAfter = patient;
        return patient;
    }

    @AfterEach
    void stop() {
        if (closeAfter != null) {
            closeAfter.close();
        }
        client.close();
        fake.close();
    }

    @Test
    void readsEveryPageFollowingNextCursor() throws InterruptedException {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 2500, NOW));

        PoolFetch.Fetched fetched = (PoolFetch.Fetched) patientClient().fetch(TALOS_POOL, listener);

        assertThat(fetched.workers()).hasSize(2500);
        assertThat(fetched.workers().get(2499).workerId()).isEqualTo("t-linux64-ms-2500");
        assertThat(fetched.pages()).isEqualTo(3);
        List<JsonNode> requests = fake.requestsFor(TALOS);
        assertThat(requests).hasSize(3);
        assertThat(requests)
                .allSatisfy(r -> assertThat(
                                r.at("/variables/workersConnection/limit").asInt())
                        .isEqualTo(1000));
        assertThat(requests.get(0).at("/variables/workersConnection/cursor").isMissingNode())
                .isTrue();
        assertThat(requests.get(1).at("/variables/workersConnection/cursor").asText())
                .isNotEmpty();
        assertThat(requests.get(0).path("operationName").asText()).isEqualTo("ViewWorkers");
    }

    @Test
    void aWorkerTypeWithNoWorkersIsFetchedAndEmpty() throws InterruptedException {
        PoolFetch fetch = client.fetch(WorkerPool.parse("gecko-t-linux-empty"), listener);

        assertThat(fetch).isInstanceOfSatisfying(PoolFetch.Fetched.class, f -> {
            assertThat(f.workers()).isEmpty();
            assertThat(f.pages()).isEqualTo(1);
            assertThat(f.errors()).isEmpty();
        });
    }

    @Test
    void a500IsTriedAgainAndTheSecondAnswerUsed() throws InterruptedException {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW)).failNext(TALOS, Fault.HTTP_500);

        PoolFetch fetch = client.fetch(TALOS_POOL, listener);

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        PoolFetch.Fetched.class, f -> assertThat(f.workers()).hasSize(3));
        assertThat(fake.requestsFor(TALOS)).hasSize(2);
        assertThat(trace).containsExactly("retry page 1 after try 1: HTTP 500");
    }

    @Test
    void persistent5xxFailsThePoolAfterThreeTries() throws InterruptedException {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW))
                .failNext(TALOS, Fault.HTTP_503, Fault.HTTP_500, Fault.HTTP_503);

        PoolFetch fetch = client.fetch(TALOS_POOL, listener);

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        PoolFetch.Failed.class, f -> assertThat(f.reason()).isEqualTo("HTTP 503 after 3 tries"));
        assertThat(fake.requestsFor(TALOS)).hasSize(3);
    }

    @Test
    void aTimeoutIsTriedAgain() throws InterruptedException {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW)).failNext(TALOS, Fault.HANG);

        PoolFetch fetch = client.fetch(TALOS_POOL, listener);

        assertThat(fetch).isInstanceOf(PoolFetch.Fetched.class);
        assertThat(trace).containsExactly("retry page 1 after try 1: no answer within 400ms");
    }

    @Test
    void timeoutsOnEveryTryFailThePool() throws InterruptedException {
        fake.failNext(TALOS, Fault.HANG, Fault.HANG, Fault.HANG);

        PoolFetch fetch = client.fetch(TALOS_POOL, listener);

        assertThat(fetch).isInstanceOfSatisfying(PoolFetch.Failed.class, f -> {
            assertThat(f.reason()).isEqualTo("no answer within 400ms after 3 tries");
            assertThat(f.elapsed()).isLessThan(Duration.ofSeconds(3));
        });
    }

    @Test
    void invalidJsonFailsAtOnceWithAClearError() throws InterruptedException {
        fake.failNext(TALOS, Fault.INVALID_JSON);

        PoolFetch fetch = client.fetch(TALOS_POOL, listener);

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        PoolFetch.Failed.class,
                        f -> assertThat(f.reason())
                                .isEqualTo(
                                        "answer is not JSON: \"<!DOCTYPE html><html>Taskcluster is down for maintenance\""));
        assertThat(fake.requestsFor(TALOS)).hasSize(1);
    }

    @Test
    void partialErrorsKeepTheDataAndAreReported() throws InterruptedException {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 3, NOW)).failNext(TALOS, Fault.PARTIAL_ERRORS);

        PoolFetch.Fetched fetched = (PoolFetch.Fetched) client.fetch(TALOS_POOL, listener);

        assertThat(fetched.workers()).hasSize(3);
        assertThat(fetched.workers().get(0).latestTaskId()).isNull();
        assertThat(fetched.workers().get(1).latestTaskId()).isNotNull();
        assertThat(fetched.errors()).containsExactly("Task not found (at workers.edges.0.node.latestTask)");
    }

    @Test
    void errorsWithoutDataFailThePool() throws InterruptedException {
        fake.failNext(TALOS, Fault.ERRORS_ONLY);

        assertThat(client.fetch(TALOS_POOL, listener))
                .isInstanceOfSatisfying(
                        PoolFetch.Failed.class,
                        f -> assertThat(f.reason()).isEqualTo("GraphQL errors: Internal Server Error"));
    }

    @Test
    void a404IsNotRetriedAndQuotesTheAnswer() throws InterruptedException {
        fake.failNext(TALOS, Fault.HTTP_404);

        PoolFetch fetch = client.fetch(TALOS_POOL, listener);

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        PoolFetch.Failed.class,
                        f -> assertThat(f.reason())
                                .isEqualTo("HTTP 404 from " + fake.rootUrl() + "/graphql: \"<html>Not Found</html>\""));
        assertThat(fake.requestsFor(TALOS)).hasSize(1);
    }

    @Test
    void aFailureOnALaterPageNamesThePage() throws InterruptedException {
        fake.pool(TALOS, FakeTaskcluster.workers("t-linux64-ms", 1500, NOW))
                .failNext(TALOS, Fault.PARTIAL_ERRORS, Fault.INVALID_JSON);

        PoolFetch fetch = patientClient().fetch(TALOS_POOL, listener);

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        PoolFetch.Failed.class, f -> assertThat(f.reason()).startsWith("page 2: answer is not JSON"));
    }

    @Test
    void aServerThatCannotBeReachedIsTriedThreeTimes() throws InterruptedException {
        fake.close();

        PoolFetch fetch = client.fetch(TALOS_POOL, listener);

        assertThat(fetch)
                .isInstanceOfSatisfying(
                        PoolFetch.Failed.class,
                        f -> assertThat(f.reason())
                                .startsWith("connection failed")
                                .endsWith("after 3 tries"));
    }

    @Test
    void theQuerySelectsOnlyFieldsTheSchemaDeclares() {
        List<String> selected = new ArrayList<>();
        walk(tokens(WorkerClient.QUERY), "Query", selected);

        assertThat(selected)
                .containsExactly(
                        "Query.workers",
                        "WorkersCompactConnection.pageInfo",
                        "PageInfo.hasNextPage",
                        "PageInfo.nextCursor",
                        "WorkersCompactConnection.edges",
                        "WorkersCompactEdge.node",
                        "WorkerCompact.workerId",
                        "WorkerCompact.workerGroup",
                        "WorkerCompact.state",
                        "WorkerCompact.firstClaim",
                        "WorkerCompact.lastDateActive",
                        "WorkerCompact.quarantineUntil",
                        "WorkerCompact.latestTask",
                        "LatestTask.taskId",
                        "LatestTask.runId",
                        "LatestTask.run",
                        "TaskRun.state",
                        "TaskRun.started",
                        "TaskRun.resolved");
    }

    @Test
    void theRequestBodyNamesThePoolAndPageSize() throws Exception {
        JsonNode body = fleetroll.store.Json.MAPPER.readTree(WorkerClient.body(TALOS_POOL, "abc"));

        assertThat(body.at("/variables/provisionerId").asText()).isEqualTo("releng-hardware");
        assertThat(body.at("/variables/workerType").asText()).isEqualTo("gecko-t-linux-talos-1804");
        assertThat(body.at("/variables/workersConnection/limit").asInt()).isEqualTo(1000);
        assertThat(body.at("/variables/workersConnection/cursor").asText()).isEqualTo("abc");
    }

    /** Walks a selection set, checking each field against the schema; appends "Type.field". */
    private static void walk(List<String> tokens, String rootType, List<String> selected) {
        int start = tokens.indexOf("{");
        walkSet(tokens, start + 1, rootType, selected);
    }

    private static int walkSet(List<String> tokens, int i, String type, List<String> selected) {
        while (!tokens.get(i).equals("}")) {
            String field = tokens.get(i++);
            String fieldType = FakeTaskcluster.SCHEMA.fieldType(type, field);
            assertThat(fieldType).as(type + "." + field + " in the schema").isNotNull();
            selected.add(type + "." + field);
            if (tokens.get(i).equals("{")) {
                i = walkSet(tokens, i + 1, fieldType, selected);
            }
        }
        return i + 1;
    }

    private static List<String> tokens(String query) {
        String withoutArgs = query.replaceAll("\\([^)]*\\)", " ");
        Matcher m = Pattern.compile("[A-Za-z_]\\w*|[{}]").matcher(withoutArgs);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
