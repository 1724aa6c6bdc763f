package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The streaming reader must give what data binding gives, or leave the value to it. */
class StoredJsonTest {
    static final ObservedState FULL = new ObservedState(
            "Linux",
            true,
            "gecko_t_linux_talos",
            true,
            new FileMeta("644", "root", "wheel", 120L, 1_700_000_000L),
            "a".repeat(64),
            true,
            new FileMeta("640", "root", "root", 2048L, -1L),
            "b".repeat(64),
            86_400L,
            1_700_000_100L,
            false,
            "0123456789abcdef0123456789abcdef01234567",
            "bug-1",
            "c".repeat(64),
            "d".repeat(64));

    static final Observation OBSERVATION = new Observation(
            "2026-03-01T12:00:00.000001+00:00",
            "ops@laptop",
            Observation.ACTION_AUDIT,
            "web1.example.org",
            true,
            -1,
            "it's \"quoted\" \\ back\nslash\ttab \u0001 ü € 😀 </script>",
            "none",
            FULL);

    static final WorkerRecord WORKER = new WorkerRecord(
            "h1",
            "2026-03-01T12:00:00.000001+00:00",
            "releng-hardware",
            "gecko-t-linux-talos-1804",
            "mdc1",
            "h1",
            "running",
            "2025-01-01T00:00:00Z",
            "2026-03-01T11:59:00.123Z",
            "2026-03-02T00:00:00Z",
            "TASKID",
            3,
            "completed",
            "2026-03-01T11:00:00Z",
            "2026-03-01T11:30:00Z");

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theExamplesSetEveryField() throws Exception {
        assertAllSet(OBSERVATION);
        assertAllSet(FULL);
        assertAllSet(FULL.overrideMeta());
        assertAllSet(WORKER);
    }

    @Test
    void readsWhatTheMapperWroteFieldForField() throws Exception {
        assertThat(StoredJson.plainObservation(Json.MAPPER.writeValueAsBytes(OBSERVATION)))
                .isEqualTo(OBSERVATION);
        assertThat(StoredJson.plainWorker(Json.MAPPER.writeValueAsBytes(WORKER)))
                .isEqualTo(WORKER);
    }

    @Test
    void readsNullsMissingFieldsAndUnknownFieldsAsDataBindingDoes() throws Exception {
        String json =
                "{ \"host\" : \"h\", \"ok\": true, \"observed\": null, \"extra\": {\"a\": [1, 2.5e3, {\"b\": null}],"
                        + " \"c\": \"}\"}, \"more\": [], \"empty\": {}, \"flag\": false, \"ssh_rc\": null }";
        assertThat(StoredJson.plainObservation(bytes(json)))
                .isNotNull()
                .isEqualTo(Json.MAPPER.readValue(json, Observation.class));
        String worker = "{\"type\": \"worker\", \"host\": \"h1\", \"task_run_id\": 2, \"quarantine_until\": null}";
        assertThat(StoredJson.plainWorker(bytes(worker)))
                .isNotNull()
                .isEqualTo(Json.MAPPER.readValue(worker, WorkerRecord.class));
    }

    @Test
    void takesTheLastOfARepeatedFieldAsDataBindingDoes() throws Exception {
        String json = "{\"ts\": \"a\", \"ok\": true, \"ts\": \"b\"}";
        assertThat(StoredJson.plainObservation(bytes(json)))
                .isNotNull()
                .isEqualTo(Json.MAPPER.readValue(json, Observation.class));
    }

    @Test
    void readsThePythonToolsDigitStringsAsDataBindingDoes() throws Exception {
        String json = "{\"observed\": {\"override_meta\": {\"size\": \"120\", \"mtime_epoch\": \"-1700000000\"},"
                + " \"uptime_s\": \"999999999999999999\"}}";
        assertThat(StoredJson.plainObservation(bytes(json)))
                .isNotNull()
                .isEqualTo(Json.MAPPER.readValue(json, Observation.class));
    }

    @Test
    void leavesToDataBindingWhatItDoesNotReadExactly() throws Exception {
        for (String json : new String[] {
            "{\"observed\": {\"uptime_s\": 3600.0}}",
            "{\"observed\": {\"uptime_s\": \"\"}}",
            "{\"observed\": {\"uptime_s\": \" 36\"}}",
            "{\"observed\": {\"uptime_s\": \"null\"}}",
            "{\"observed\": {\"uptime_s\": \"9999999999999999999\"}}",
            "{\"observed\": {\"uptime_s\": 99999999999999999999}}",
            "{\"observed\": {\"os_type\": 12}}",
            "{\"observed\": {\"role_present\": \"true\"}}",
            "{\"observed\": {\"role_present\": 1}}",
            "{\"observed\": []}",
            "{\"ssh_rc\": 99999999999}",
            "{\"ssh_rc\": \"5\"}",
            "{\"ts\": \"a\"} trailing",
            "{\"ts\": \"a\"} {}",
            "null",
        }) {
            assertThat(StoredJson.plainObservation(bytes(json))).as(json).isNull();
            assertThat(outcome(() -> StoredJson.observation(bytes(json))))
                    .as(json)
                    .isEqualTo(outcome(() -> Json.MAPPER.readValue(json, Observation.class)));
        }
    }

    /** The value read, or the type and message of the error. */
    static Object outcome(Callable<Object> read) {
        try {
            return read.call();
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void reportsWhatDataBindingCannotRead() {
        for (String json : new String[] {"{\"ts\": \"a\"", "{\"ts\": \"\\x\"}", "[]", "{\"ssh_rc\": \"five\"}"}) {
            assertThatThrownBy(() -> StoredJson.observation(bytes(json)))
                    .as(json)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void storeDecodeFallsBackToDataBinding() {
        ObservedState viaMapper = ObservationStore.decode(bytes(
                        "{\"host\":\"h\",\"ok\":true,\"observed\":{\"uptime_s\":3600.0,\"role_present\":\"true\"}}"))
                .observed();
        assertThat(viaMapper.uptimeS()).isEqualTo(3600L);
        assertThat(viaMapper.rolePresent()).isTrue();
    }

    @Test
    void randomObservationsReadLikeDataBinding() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Observation o = randomObservation(random);
            byte[] json = Json.MAPPER.writeValueAsBytes(o);
            assertThat(StoredJson.plainObservation(json))
                    .as(new String(json, StandardCharsets.UTF_8))
                    .isEqualTo(o)
                    .isEqualTo(Json.MAPPER.readValue(json, Observation.class));
        }
    }

    static Observation randomObservation(Random r) {
        ObservedState state = r.nextBoolean()
                ? null
                : new ObservedState(
                        text(r),
                        r.nextBoolean(),
                        text(r),
                        r.nextBoolean(),
                        r.nextBoolean() ? null : new FileMeta(text(r), text(r), text(r), number(r), number(r)),
                        text(r),
                        r.nextBoolean(),
                        null,
                        text(r),
                        number(r),
                        number(r),
                        r.nextBoolean() ? null : r.nextBoolean(),
                        text(r),
                        text(r),
                        text(r),
                        text(r));
        return new Observation(
                text(r),
                text(r),
                text(r),
                text(r),
                r.nextBoolean(),
                r.nextBoolean() ? null : r.nextInt(),
                text(r),
                text(r),
                state);
    }

    static String text(Random r) {
        if (r.nextInt(5) == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(20); i > 0; i--) {
            int kind = r.nextInt(4);
            sb.appendCodePoint(
                    switch (kind) {
                        case 0 -> r.nextInt(0x20);
                        case 1 -> "\"\\/'{}[],:".charAt(r.nextInt(10));
                        case 2 -> 0x20 + r.nextInt(0x60);
                        default -> r.nextBoolean() ? 0x80 + r.nextInt(0x2000) : 0x1F600 + r.nextInt(50);
                    });
        }
        return sb.toString();
    }

    static Long number(Random r) {
        return r.nextInt(5) == 0 ? null : r.nextBoolean() ? r.nextLong() : (long) r.nextInt(1000);
    }

    private static void assertAllSet(Record r) throws Exception {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            assertThat(c.getAccessor().invoke(r))
                    .as(r.getClass().getSimpleName() + "." + c.getName())
                    .isNotNull();
        }
    }
}
