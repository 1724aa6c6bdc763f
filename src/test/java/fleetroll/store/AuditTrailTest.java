package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    @Test
    void writesOneSortedJsonObjectPerLine(@TempDir Path dir) throws Exception {
        AuditTrail trail = new AuditTrail(dir.resolve("audit.jsonl"));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ts", "t");
        record.put("action", "host.set_override");
        record.put("parameters", Map.of("z", 1, "a", 2));
        trail.append(record);
        assertThat(Files.readString(trail.file()))
                .isEqualTo("{\"action\":\"host.set_override\",\"parameters\":{\"a\":2,\"z\":1},\"ts\":\"t\"}\n");
    }

    @Test
    void concurrentAppendsNeverInterleaveOrGetLost(@TempDir Path dir) throws Exception {
        AuditTrail trail = new AuditTrail(dir.resolve("audit.jsonl"));
        String big = "x".repeat(10_000); // larger than an atomic pipe write
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                threads.submit(() -> trail.append(Map.of("n", n, "pad", big)));
            }
        }
        List<String> lines = Files.readAllLines(trail.file());
        assertThat(lines).hasSize(200);
        for (String line : lines) {
            assertThat(Json.MAPPER.readTree(line).get("pad").asText()).isEqualTo(big);
        }
    }
}
