package fleetroll.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.store.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
    @Test
    void mapsEachHostToItsNewestObservationAndWorker() throws Exception {
        FleetSnapshot s = Fixtures.fleet(3, Duration.ofMinutes(2));
        HostFacts never =
                RowBuilder.facts(HostRecords.neverAudited(Fixtures.target("new.example.org")), Fixtures.NO_BRANCHES);
        List<HostFacts> all = new java.util.ArrayList<>(s.hosts());
        all.add(never);
        StringWriter out = new StringWriter();
        JsonRenderer.write(FleetSnapshot.of(all, 2), new PrintWriter(out));
        JsonNode json = Json.MAPPER.readTree(out.toString());

        assertThat(json.size()).isEqualTo(4);
        assertThat(json.path("host1.example.org")
                        .path("observation")
                        .path("observed")
                        .path("role")
                        .asText())
                .startsWith("role_");
        assertThat(json.path("host1.example.org")
                        .path("tc_worker")
                        .path("worker_id")
                        .asText())
                .isEqualTo("host1");
        assertThat(json.path("host3.example.org").path("observation").path("ok").asBoolean())
                .isFalse();
        assertThat(json.path("new.example.org").has("observation")).isTrue();
        assertThat(json.path("new.example.org").path("observation").isNull()).isTrue();
        assertThat(json.path("new.example.org").path("tc_worker").isNull()).isTrue();
    }
}
