package fleetroll.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.FailureKind;
import fleetroll.store.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit.jsonl records: exactly the fields the issue names, and no contents. */
class ChangeRecordTest {
    private static final String TS = "2025-03-14T09:05:02.000000+00:00";
    private final HostTarget host = HostTarget.parse("fleet@host1.example.org");

    @Test
    void setRecordHasExactlyTheseFields() throws Exception {
        SetRequest request = WriteScriptTest.request("token: hunter2\n".getBytes());
        HostChange change = new HostChange(
                host,
                new HostChange.Outcome.Changed(Optional.of("/root/vault.yaml.bak.20250314T090502Z")),
                Optional.of(0),
                "",
                Optional.of("root"));
        Map<String, Object> record = ChangeRecord.forSet(request, change, TS, "alice");
        String line = Json.MAPPER.writeValueAsString(record);
        JsonNode json = Json.MAPPER.readTree(line);
        assertThat(fieldNames(json))
                .containsExactly("action", "actor", "host", "observed", "ok", "parameters", "ssh_rc", "stderr", "ts");
        assertThat(fieldNames(json.get("parameters")))
                .containsExactly("backup", "backup_suffix", "group", "mode", "owner", "reason", "sha256", "source");
        assertThat(fieldNames(json.get("observed"))).containsExactly("backup_path", "content_changed");
        assertThat(json.get("action").asText()).isEqualTo("host.set_vault");
        assertThat(json.get("host").asText()).isEqualTo("host1.example.org");
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("parameters").get("mode").asText()).isEqualTo("0640");
        assertThat(json.get("parameters").get("group").asText()).isEqualTo("root");
        assertThat(json.get("parameters").get("source").asText()).isEqualTo("file:/tmp/vault.yaml");
        assertThat(json.get("observed").get("content_changed").asBoolean()).isTrue();
        assertThat(line).doesNotContain("hunter2").startsWith("{\"action\":");
    }

    @Test
    void unsetRecordHasExactlyTheseFields() throws Exception {
        UnsetRequest request = new UnsetRequest(
                ManagedFile.OVERRIDE,
                ManagedFile.OVERRIDE.defaultDestination(),
                true,
                "20250314T090502Z",
                Optional.of("bug 1234 done"));
        HostChange change = new HostChange(host, new HostChange.Outcome.Absent(), Optional.of(0), "", Optional.empty());
        JsonNode json = Json.MAPPER.valueToTree(ChangeRecord.forUnset(request, change, TS, "alice"));
        assertThat(fieldNames(json))
                .containsExactly("action", "actor", "host", "observed", "ok", "parameters", "ssh_rc", "stderr", "ts");
        assertThat(fieldNames(json.get("parameters"))).containsExactly("reason");
        assertThat(fieldNames(json.get("observed"))).containsExactly("backup_path", "removed");
        assertThat(json.get("action").asText()).isEqualTo("host.unset_override");
        assertThat(json.get("observed").get("removed").asBoolean()).isFalse();
        assertThat(json.get("ok").asBoolean()).isTrue();
    }

    @Test
    void aWriteOfUnknownOutcomeRecordsNullNotFalse() {
        SetRequest request = WriteScriptTest.request("a: 1\n".getBytes());
        HostChange killed = new HostChange(
                host,
                new HostChange.Outcome.Failed(FailureKind.TIMED_OUT, "killed", true),
                Optional.of(-1),
                "killed after --timeout 60s",
                Optional.empty());
        Map<String, Object> record = ChangeRecord.forSet(request, killed, TS, "alice");
        @SuppressWarnings("unchecked")
        Map<String, Object> observed = (Map<String, Object>) record.get("observed");
        assertThat(observed).containsEntry("content_changed", null);
        assertThat(record).containsEntry("ok", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) record.get("parameters");
        assertThat(parameters).containsEntry("group", null); // the host never said which
    }

    @Test
    void aHostNeverReachedHasNoSshStatus() {
        UnsetRequest request = new UnsetRequest(
                ManagedFile.OVERRIDE,
                ManagedFile.OVERRIDE.defaultDestination(),
                true,
                "20250314T090502Z",
                Optional.empty());
        HostChange stopped = new HostChange(
                host,
                new HostChange.Outcome.Failed(FailureKind.CANCELLED, "not attempted", false),
                Optional.empty(),
                "",
                Optional.empty());
        assertThat(ChangeRecord.forUnset(request, stopped, TS, "alice")).containsEntry("ssh_rc", null);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
