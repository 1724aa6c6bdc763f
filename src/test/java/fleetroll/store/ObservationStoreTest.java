package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    static Observation ok(String host, Instant at, String role) {
        ObservedState observed = new ObservedState(
                "Linux", true, role, false, null, null, false, null, null, 100L, null, null, null, null, null, null);
        return new Observation(Observation.timestamp(at), "ops", "host.audit", host, true, 0, "", null, observed);
    }

    static Observation failed(String host, Instant at) {
        return new Observation(
                Observation.timestamp(at),
                "ops",
                "host.audit",
                host,
                false,
                255,
                "refused",
                "connection_refused",
                null);
    }

    @Test
    void latestAndLatestSuccessfulPerHost(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            ObservationStore store = new ObservationStore(db);
            store.add(ok("a", T0, "r1"));
            store.add(ok("a", T0.plusSeconds(60), "r2"));
            store.add(failed("a", T0.plusSeconds(120)));
            store.add(ok("b", T0, "r3"));

            assertThat(store.latest(List.of("a", "b", "c")).get("a").error()).isEqualTo("connection_refused");
            assertThat(store.latestSuccessful(List.of("a")).get("a").observed().role())
                    .isEqualTo("r2");
            assertThat(store.latest(List.of("a", "b", "c"))).containsOnlyKeys("a", "b");
            assertThat(store.history("a", 20)).extracting(Observation::ok).containsExactly(false, true, true);
        }
    }

    @Test
    void twoAuditsOfOneHostInTheSameInstantBothSurvive(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("fleetroll.db"))) {
            ObservationStore store = new ObservationStore(db);
            Observation first = store.add(ok("a", T0, "r1"));
            Observation second = store.add(ok("a", T0, "r2"));

            assertThat(second.ts()).isNotEqualTo(first.ts());
            assertThat(store.history("a", 10)).hasSize(2);
            assertThat(store.latest(List.of("a")).get("a").observed().role()).isEqualTo("r2");
        }
    }

    @Test
    void storesThePythonToolsFieldNames(@TempDir Path dir) throws Exception {
        Observation observation = ok("a", T0, "r1");
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(observation));
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("action", "actor", "error", "host", "observed", "ok", "ssh_rc", "stderr", "ts");
        assertThat(json.get("observed").has("override_sha256")).isTrue();
        assertThat(json.get("observed").has("puppet_override_sha_applied")).isTrue();
        assertThat(json.get("ts").asText()).isEqualTo("2026-11-25T08:00:00.000000+00:00");
    }

    @Test
    void readsRecordsWrittenByThePythonTool(@TempDir Path dir) {
        String python = """
                {"ts": "2026-01-27T03:55:43+00:00", "actor": "ops", "action": "host.audit", "host": "h1",
                 "override_path": "/etc/puppet/ronin_settings", "ok": true, "ssh_rc": 0, "stderr": "",
                 "observed": {"role_present": true, "role": "gecko_t_linux_talos", "override_present": true,
                 "override_meta": {"mode": "644", "owner": "root", "group": "root", "size": "120",
                 "mtime_epoch": "1700000000"}, "override_sha256": "ab", "vault_present": false,
                 "vault_meta": null, "vault_sha256": null, "uptime_s": 5, "puppet_last_run_epoch": 1700000100,
                 "puppet_success": true, "override_file_path": "/x"}}""";
        Observation o = ObservationStore.decode(python.getBytes(StandardCharsets.UTF_8));
        assertThat(o.observed().overrideMeta().size()).isEqualTo(120L);
        assertThat(o.observed().role()).isEqualTo("gecko_t_linux_talos");
        assertThat(o.observedAt()).isEqualTo(Instant.parse("2026-01-27T03:55:43Z"));
    }
}
