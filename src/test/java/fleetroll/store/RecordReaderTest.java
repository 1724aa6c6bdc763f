package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast reader must give what Jackson gives, or step aside. */
class RecordReaderTest {
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

    static <T extends Record> T roundTrip(T value, Class<T> type) throws Exception {
        return RecordReader.read(Json.MAPPER.writeValueAsString(value), type);
    }

    @Test
    void theExamplesSetEveryField() throws Exception {
        assertAllSet(OBSERVATION);
        assertAllSet(FULL);
        assertAllSet(FULL.overrideMeta());
        assertAllSet(WORKER);
    }

    @Test
    void readsWhatJacksonWroteField_for_field() throws Exception {
        assertThat(roundTrip(OBSERVATION, Observation.class)).isEqualTo(OBSERVATION);
        assertThat(roundTrip(WORKER, WorkerRecord.class)).isEqualTo(WORKER);
    }

    @Test
    void readsNullsMissingFieldsAndUnknownFieldsAsJacksonDoes() throws Exception {
        String json =
                "{ \"host\" : \"h\", \"ok\": true, \"observed\": null, \"extra\": {\"a\": [1, 2.5e3, {\"b\": null}],"
                        + " \"c\": \"}\"}, \"more\": [], \"empty\": {}, \"flag\": false }";
        assertThat(RecordReader.read(json, Observation.class))
                .isEqualTo(Json.MAPPER.readValue(json, Observation.class));
    }

    @Test
    void namesAreJacksonsSnakeCase() {
        for (Class<?> type : new Class<?>[] {Observation.class, ObservedState.class, FileMeta.class}) {
            for (RecordComponent c : type.getRecordComponents()) {
                assertThat(RecordReader.snakeCase(c.getName()))
                        .isEqualTo(PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, c.getName()));
            }
        }
    }

    @Test
    void leavesToJacksonWhatItDoesNotReadExactly() {
        for (String json : new String[] {
            "{\"uptime_s\": 3600.0}",
            "{\"uptime_s\": \"3600\"}",
            "{\"os_type\": 12}",
            "{\"role_present\": \"true\"}",
            "{\"os_type\": \"x\"} trailing",
            "{\"os_type\": \"x\"",
            "{\"os_type\": \"\\x\"}",
            "{\"uptime_s\": 99999999999999999999}",
            "null",
            "[]",
        }) {
            assertThatThrownBy(() -> RecordReader.read(json, ObservedState.class))
                    .as(json)
                    .isInstanceOf(RecordReader.Unreadable.class);
        }
    }

    @Test
    void storeDecodeFallsBackToJackson() {
        ObservedState viaJackson = ObservationStore.decode(
                        "{\"host\":\"h\",\"ok\":true,\"observed\":{\"uptime_s\":3600.0,\"role_present\":\"true\"}}")
                .observed();
        assertThat(viaJackson.uptimeS()).isEqualTo(3600L);
        assertThat(viaJackson.rolePresent()).isTrue();
    }

    @Test
    void randomObservationsReadLikeJackson() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Observation o = randomObservation(random);
            String json = Json.MAPPER.writeValueAsString(o);
            assertThat(RecordReader.read(json, Observation.class))
                    .as(json)
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
