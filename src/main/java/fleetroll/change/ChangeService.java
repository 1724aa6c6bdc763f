package fleetroll.change;

import fleetroll.hosts.HostTarget;
import fleetroll.remote.FailureClassifier;
import fleetroll.remote.FailureKind;
import fleetroll.remote.FanOutRunner;
import fleetroll.remote.ProcessResult;
import fleetroll.remote.RemoteScript;
import fleetroll.remote.SshTransport;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Changes a file on many hosts: one write script per host over ssh, bounded fan-out, and one
 * audit.jsonl record per host appended as soon as that host is done (so an interrupted run keeps
 * the records of what finished).
 */
public final class ChangeService {
    private final SshTransport transport;
    private final LocalState state;
    private final String actor;
    private final Clock clock;

    public ChangeService(SshTransport transport, LocalState state, String actor, Clock clock) {
        this.transport = transport;
        this.state = state;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Writes the contents to every target. They are stored locally first (vaults 0600 in
     * vault_yamls/), so that show-override and show-vault find them by the sha the dry run showed.
     */
    public ChangeReport set(
            SetRequest request, List<HostTarget> targets, FanOutRunner runner, Consumer<HostChange> onDone) {
        byte[] bytes = request.contents().bytes();
        (request.file().isSecret() ? state.vaults() : state.overrides()).put(bytes);
        return run(
                request.action(),
                WriteScript.set(request),
                true,
                targets,
                runner,
                onDone,
                (change, ts) -> ChangeRecord.forSet(request, change, ts, actor));
    }

    /** Removes the file from every target, keeping a backup unless the request says not to. */
    public ChangeReport unset(
            UnsetRequest request, List<HostTarget> targets, FanOutRunner runner, Consumer<HostChange> onDone) {
        return run(
                request.action(),
                WriteScript.unset(request),
                false,
                targets,
                runner,
                onDone,
                (change, ts) -> ChangeRecord.forUnset(request, change, ts, actor));
    }

    /** Sends {@code script} to every target and reads each answer as a set or an unset. */
    private ChangeReport run(
            String action,
            byte[] script,
            boolean set,
            List<HostTarget> targets,
            FanOutRunner runner,
            Consumer<HostChange> onDone,
            BiFunction<HostChange, String, Map<String, Object>> toRecord) {
        Instant start = clock.instant();
        // One record per host, even when a host's task finishes after the run gave up on it.
        Map<HostTarget, Recorded> recorded = new ConcurrentHashMap<>();
        Set<HostTarget> started = ConcurrentHashMap.newKeySet();
        Function<HostChange, HostChange> record = change -> {
            Recorded entry = new Recorded(change, toRecord.apply(change, Observation.timestamp(clock.instant())));
            if (recorded.putIfAbsent(change.target(), entry) == null) {
                state.auditTrail().append(entry.record());
            }
            return change;
        };
        runner.run(
                targets,
                target -> {
                    started.add(target);
                    return record.apply(interpret(target, transport.run(target, RemoteScript.COMMAND, script), set));
                },
                target -> record.apply(stopped(target, started.contains(target))),
                onDone);
        // The report shows what the trail holds: for a host given up on, the first record written.
        List<Recorded> inOrder = targets.stream().map(recorded::get).toList();
        return new ChangeReport(
                action,
                inOrder.stream().map(Recorded::change).toList(),
                inOrder.stream().map(Recorded::record).toList(),
                Duration.between(start, clock.instant()),
                runner.wasCancelled());
    }

    private record Recorded(HostChange change, Map<String, Object> record) {}

    /** Reads one host's answer. Exposed to tests, which feed it recorded results. */
    HostChange interpret(HostTarget target, ProcessResult result, boolean set) {
        WriteAnswer answer = WriteAnswer.parse(result.stdout());
        String stderr = transport.storedStderr(result);
        Optional<Integer> rc = Optional.of(result.exitCode());
        Optional<String> group = answer.get("GROUP");
        HostChange.Outcome outcome = answer.headerSeen()
                ? outcomeOf(answer, set).orElseGet(() -> failure(result, answer, stderr))
                : failure(result, answer, stderr);
        return new HostChange(target, outcome, rc, stderr, group);
    }

    private static Optional<HostChange.Outcome> outcomeOf(WriteAnswer answer, boolean set) {
        Optional<String> backup = answer.get("BACKUP");
        String result = answer.get("RESULT").orElse("");
        HostChange.Outcome outcome = switch (result) {
            case "changed" -> set ? new HostChange.Outcome.Changed(backup) : null;
            case "unchanged" -> set ? new HostChange.Outcome.Unchanged() : null;
            case "refused" -> set ? new HostChange.Outcome.Refused(answer.get("EXISTING_SHA256")) : null;
            case "removed" -> set ? null : new HostChange.Outcome.Removed(backup);
            case "absent" -> set ? null : new HostChange.Outcome.Absent();
            default -> null;
        };
        return Optional.ofNullable(outcome);
    }

    private static HostChange.Outcome failure(ProcessResult result, WriteAnswer answer, String stderr) {
        FailureKind kind = answer.headerSeen() && !result.timedOut() && !result.cancelled()
                ? FailureKind.OTHER
                : FailureClassifier.classify(result, answer.headerSeen());
        String detail = answer.get("ERROR")
                .orElse(stderr.isBlank() ? kind.description() + " (exit " + result.exitCode() + ")" : stderr);
        // The script printed its header but no result, and no error of its own: it was stopped
        // between steps, where each step leaves either the old or the new file.
        boolean mayHaveChanged = answer.headerSeen() && answer.get("ERROR").isEmpty();
        if (mayHaveChanged) {
            detail += "; the write had started, so the host holds the old or the new file: audit it";
        }
        return new HostChange.Outcome.Failed(kind, detail, mayHaveChanged);
    }

    /** A host the run gave up on (Ctrl-C, --batch-timeout) before it answered. */
    private static HostChange stopped(HostTarget target, boolean started) {
        String detail = started
                ? "stopped while its write ran; the host holds the old or the new file: audit it"
                : "not attempted: the run was stopped first";
        return new HostChange(
                target,
                new HostChange.Outcome.Failed(FailureKind.CANCELLED, detail, started),
                Optional.empty(),
                "",
                Optional.empty());
    }
}
