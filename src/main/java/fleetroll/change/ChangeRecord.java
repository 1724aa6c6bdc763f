package fleetroll.change;

import fleetroll.hosts.HostTarget;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit.jsonl record of one host's change. Field names and shapes are those of the Python
 * fleetroll, so both tools' trails read alike; contents are never part of a record.
 */
public final class ChangeRecord {
    private ChangeRecord() {}

    /** host.set_override / host.set_vault. */
    public static Map<String, Object> forSet(SetRequest request, HostChange change, String ts, String actor) {
        Map<String, Object> record = base(request.action(), change, ts, actor);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("source", request.contents().source());
        parameters.put("sha256", request.contents().sha256());
        parameters.put("mode", request.mode().octal());
        parameters.put("owner", request.ownership().owner());
        // The group asked for, else the one the host chose (root or wheel); null if it never said.
        parameters.put("group", request.ownership().group().or(change::group).orElse(null));
        parameters.put("backup", request.backup());
        parameters.put("backup_suffix", request.backupSuffix());
        parameters.put("reason", request.reason().orElse(null));
        record.put("parameters", parameters);
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("content_changed", contentChanged(change.outcome()));
        observed.put("backup_path", backupPath(change.outcome()));
        record.put("observed", observed);
        return record;
    }

    /** host.unset_override. */
    public static Map<String, Object> forUnset(UnsetRequest request, HostChange change, String ts, String actor) {
        Map<String, Object> record = base(request.action(), change, ts, actor);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("reason", request.reason().orElse(null));
        record.put("parameters", parameters);
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("removed", contentChanged(change.outcome()));
        observed.put("backup_path", backupPath(change.outcome()));
        record.put("observed", observed);
        return record;
    }

    private static Map<String, Object> base(String action, HostChange change, String ts, String actor) {
        HostTarget target = change.target();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ts", ts);
        record.put("actor", actor);
        record.put("action", action);
        record.put("host", target.host());
        record.put("ok", change.succeeded());
        record.put("ssh_rc", change.sshRc().orElse(null));
        record.put("stderr", change.stderr());
        return record;
    }

    /** true or false; null when a killed script leaves it unknown. */
    private static Boolean contentChanged(HostChange.Outcome outcome) {
        return switch (outcome) {
            case HostChange.Outcome.Changed c -> true;
            case HostChange.Outcome.Removed r -> true;
            case HostChange.Outcome.Unchanged u -> false;
            case HostChange.Outcome.Refused r -> false;
            case HostChange.Outcome.Absent a -> false;
            case HostChange.Outcome.Failed f -> f.mayHaveChanged() ? null : false;
        };
    }

    private static String backupPath(HostChange.Outcome outcome) {
        return switch (outcome) {
            case HostChange.Outcome.Changed c -> c.backupPath().orElse(null);
            case HostChange.Outcome.Removed r -> r.backupPath().orElse(null);
            case HostChange.Outcome.Unchanged u -> null;
            case HostChange.Outcome.Refused r -> null;
            case HostChange.Outcome.Absent a -> null;
            case HostChange.Outcome.Failed f -> null;
        };
    }
}
