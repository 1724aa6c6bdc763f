package fleetroll.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the {@code data} JSON of {@code host_observations} and {@code tc_workers} rows into
 * records with jackson-core's streaming parser, by the names that {@link Json#MAPPER} writes.
 * host-monitor decodes 10,000 observations and 10,000 worker records right after the JVM
 * started, where data binding costs twice what this does (its per-type set-up and generic code
 * run cold). Only the plain shapes are read here: the value types fleetroll writes (and digit
 * strings where a number goes, as the Python fleetroll wrote sizes), unknown fields skipped,
 * missing ones null or false, a repeated field's last value. Anything else (a fraction where an
 * integer goes, "true" in quotes, text after the object) goes to {@link Json#MAPPER}, so the
 * result is data binding's, or its error. One difference is left: data binding fails on a field
 * repeated after every other field was read; neither tool writes repeated fields.
 */
final class StoredJson {
    /**
     * The store's streaming JSON factory (also for {@link Database#jsonArray}). Not
     * Json.MAPPER's: the fast path should not build a mapper it does not use.
     */
    static final JsonFactory FACTORY = new JsonFactory();

    private StoredJson() {}

    /** Thrown where data binding would read the value some other way: ask it instead. */
    private static final class NotPlain extends IOException {
        NotPlain() {
            super(null, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow: no stack trace needed
        }
    }

    static Observation observation(byte[] json) throws JsonProcessingException {
        Observation o = plainObservation(json);
        return o != null ? o : Json.MAPPER.readValue(new String(json, StandardCharsets.UTF_8), Observation.class);
    }

    static WorkerRecord worker(byte[] json) throws JsonProcessingException {
        WorkerRecord w = plainWorker(json);
        return w != null ? w : Json.MAPPER.readValue(new String(json, StandardCharsets.UTF_8), WorkerRecord.class);
    }

    /** The observation when {@code json} has the plain shape, else null. */
    static Observation plainObservation(byte[] json) {
        return plain(json, StoredJson::observation);
    }

    /** The worker record when {@code json} has the plain shape, else null. */
    static WorkerRecord plainWorker(byte[] json) {
        return plain(json, StoredJson::worker);
    }

    private interface ObjectReader<T> {
        /** Reads the fields of an object whose START_OBJECT was just read, up to its END_OBJECT. */
        T read(JsonParser p) throws IOException;
    }

    private static <T> T plain(byte[] json, ObjectReader<T> reader) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                T value = reader.read(p);
                if (p.nextToken() == null) {
                    return value;
                }
            }
            return null;
        } catch (IOException e) {
            return null; // not plain, or not JSON
        }
    }

    private static Observation observation(JsonParser p) throws IOException {
        String ts = null, actor = null, action = null, host = null, stderr = null, error = null;
        boolean ok = false;
        Integer sshRc = null;
        ObservedState observed = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "ts" -> ts = text(p, t);
                case "actor" -> actor = text(p, t);
                case "action" -> action = text(p, t);
                case "host" -> host = text(p, t);
                case "ok" -> ok = flag(t);
                case "ssh_rc" -> sshRc = integer(p, t);
                case "stderr" -> stderr = text(p, t);
                case "error" -> error = text(p, t);
                case "observed" -> observed = object(t) ? observed(p) : null;
                default -> p.skipChildren();
            }
        }
        return new Observation(ts, actor, action, host, ok, sshRc, stderr, error, observed);
    }

    private static ObservedState observed(JsonParser p) throws IOException {
        String osType = null, role = null, overrideSha256 = null, vaultSha256 = null;
        String puppetGitSha = null, puppetGitBranch = null, overrideShaApplied = null, vaultShaApplied = null;
        boolean rolePresent = false, overridePresent = false, vaultPresent = false;
        FileMeta overrideMeta = null, vaultMeta = null;
        Long uptimeS = null, puppetLastRunEpoch = null;
        Boolean puppetSuccess = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "os_type" -> osType = text(p, t);
                case "role_present" -> rolePresent = flag(t);
                case "role" -> role = text(p, t);
                case "override_present" -> overridePresent = flag(t);
                case "override_meta" -> overrideMeta = object(t) ? fileMeta(p) : null;
                case "override_sha256" -> overrideSha256 = text(p, t);
                case "vault_present" -> vaultPresent = flag(t);
                case "vault_meta" -> vaultMeta = object(t) ? fileMeta(p) : null;
                case "vault_sha256" -> vaultSha256 = text(p, t);
                case "uptime_s" -> uptimeS = number(p, t);
                case "puppet_last_run_epoch" -> puppetLastRunEpoch = number(p, t);
                case "puppet_success" -> puppetSuccess = nullableFlag(t);
                case "puppet_git_sha" -> puppetGitSha = text(p, t);
                case "puppet_git_branch" -> puppetGitBranch = text(p, t);
                case "puppet_override_sha_applied" -> overrideShaApplied = text(p, t);
                case "puppet_vault_sha_applied" -> vaultShaApplied = text(p, t);
                default -> p.skipChildren();
            }
        }
        return new ObservedState(
                osType,
                rolePresent,
                role,
                overridePresent,
                overrideMeta,
                overrideSha256,
                vaultPresent,
                vaultMeta,
                vaultSha256,
                uptimeS,
                puppetLastRunEpoch,
                puppetSuccess,
                puppetGitSha,
                puppetGitBranch,
                overrideShaApplied,
                vaultShaApplied);
    }

    private static FileMeta fileMeta(JsonParser p) throws IOException {
        String mode = null, owner = null, group = null;
        Long size = null, mtimeEpoch = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "mode" -> mode = text(p, t);
                case "owner" -> owner = text(p, t);
                case "group" -> group = text(p, t);
                case "size" -> size = number(p, t);
                case "mtime_epoch" -> mtimeEpoch = number(p, t);
                default -> p.skipChildren();
            }
        }
        return new FileMeta(mode, owner, group, size, mtimeEpoch);
    }

    private static WorkerRecord worker(JsonParser p) throws IOException {
        String host = null, ts = null, provisioner = null, workerType = null, workerGroup = null, workerId = null;
        String state = null, firstClaim = null, lastDateActive = null, quarantineUntil = null, taskId = null;
        String taskState = null, taskStarted = null, taskResolved = null;
        Integer taskRunId = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "host" -> host = text(p, t);
                case "ts" -> ts = text(p, t);
                case "provisioner" -> provisioner = text(p, t);
                case "worker_type" -> workerType = text(p, t);
                case "worker_group" -> workerGroup = text(p, t);
                case "worker_id" -> workerId = text(p, t);
                case "state" -> state = text(p, t);
                case "first_claim" -> firstClaim = text(p, t);
                case "last_date_active" -> lastDateActive = text(p, t);
                case "quarantine_until" -> quarantineUntil = text(p, t);
                case "task_id" -> taskId = text(p, t);
                case "task_run_id" -> taskRunId = integer(p, t);
                case "task_state" -> taskState = text(p, t);
                case "task_started" -> taskStarted = text(p, t);
                case "task_resolved" -> taskResolved = text(p, t);
                default -> p.skipChildren();
            }
        }
        return new WorkerRecord(
                host,
                ts,
                provisioner,
                workerType,
                workerGroup,
                workerId,
                state,
                firstClaim,
                lastDateActive,
                quarantineUntil,
                taskId,
                taskRunId,
                taskState,
                taskStarted,
                taskResolved);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> null;
            default -> throw new NotPlain(); // data binding turns 12 into "12"
        };
    }

    /** A primitive boolean: null reads as false, as data binding reads it. */
    private static boolean flag(JsonToken t) throws NotPlain {
        return switch (t) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            default -> throw new NotPlain(); // "true", 1
        };
    }

    private static Boolean nullableFlag(JsonToken t) throws NotPlain {
        return t == JsonToken.VALUE_NULL ? null : flag(t);
    }

    private static boolean object(JsonToken t) throws NotPlain {
        return switch (t) {
            case START_OBJECT -> true;
            case VALUE_NULL -> false;
            default -> throw new NotPlain();
        };
    }

    private static Integer integer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == NumberType.INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new NotPlain(); // 3.0, "3", out of range
    }

    /** A Long from an integer, or from a string of up to 18 digits (the Python fleetroll's sizes). */
    private static Long number(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_NUMBER_INT -> {
                NumberType type = p.getNumberType();
                if (type == NumberType.INT || type == NumberType.LONG) {
                    return p.getLongValue();
                }
            }
            case VALUE_NULL -> {
                return null;
            }
            case VALUE_STRING -> {
                String s = p.getText();
                int start = s.startsWith("-") ? 1 : 0;
                if (s.length() > start && s.length() - start <= 18) {
                    long value = 0;
                    for (int i = start; i < s.length(); i++) {
                        char c = s.charAt(i);
                        if (c < '0' || c > '9') {
                            throw new NotPlain();
                        }
                        value = value * 10 + (c - '0');
                    }
                    return start == 1 ? -value : value;
                }
            }
            default -> {}
        }
        throw new NotPlain(); // 3600.0, "", " 5", beyond a long
    }
}
