package fleetroll.audit;

import fleetroll.hosts.HostTarget;
import fleetroll.remote.FailureClassifier;
import fleetroll.remote.FailureKind;
import fleetroll.remote.FanOutRunner;
import fleetroll.remote.ProcessResult;
import fleetroll.remote.RemoteScript;
import fleetroll.remote.SshTransport;
import fleetroll.store.ContentStoreIndex;
import fleetroll.store.LocalState;
import fleetroll.store.Observation;
import fleetroll.store.ObservedState;
import fleetroll.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Audits hosts: one probe per host over ssh, bounded fan-out, and every outcome stored as it
 * arrives (so an interrupted run keeps what finished). Override and new vault contents go to the
 * content stores.
 */
public final class AuditService {
    private static final Duration SIGNAL_GRACE = Duration.ofMillis(300);

    private final SshTransport transport;
    private final LocalState state;
    private final String actor;
    private final Clock clock;

    public AuditService(SshTransport transport, LocalState state, String actor, Clock clock) {
        this.transport = transport;
        this.state = state;
        this.actor = actor;
        this.clock = clock;
    }

    /** The exact script that {@link #run} sends, given what the local store holds now. */
    public String probeScript() {
        return ProbeScript.text(ContentStoreIndex.shas(state.vaults()));
    }

    public AuditReport run(List<HostTarget> targets, FanOutRunner runner, Consumer<HostOutcome> onDone) {
        Instant start = clock.instant();
        byte[] script = probeScript().getBytes(StandardCharsets.UTF_8);
        List<HostOutcome> outcomes = runner.run(
                targets,
                target -> store(audit(target, script, runner::wasCancelled)),
                target -> store(failed(target, null, FailureKind.CANCELLED, "not audited: the run was stopped")),
                onDone);
        return new AuditReport(outcomes, Duration.between(start, clock.instant()), runner.wasCancelled());
    }

    HostOutcome audit(HostTarget target, byte[] script, BooleanSupplier runStopped) {
        ProcessResult result = transport.run(target, RemoteScript.COMMAND, script);
        boolean headerSeen = ProbeOutputParser.startsWithHeader(result.stdout());
        if (result.exitCode() != 0 || result.timedOut() || result.cancelled() || !headerSeen) {
            boolean stopped = runStopped.getAsBoolean()
                    || !headerSeen && FailureClassifier.endedSilently(result) && awaitStop(runStopped);
            FailureKind kind = FailureClassifier.classify(result, headerSeen, stopped);
            return failed(target, result, kind, result.stderr().strip());
        }
        try {
            ProbeReport report = ProbeOutputParser.parse(result.stdout());
            ObservedState observed = ObservedStateReader.read(report);
            storeVault(report, observed);
            return new HostOutcome.Probed(
                    target, observation(target, true, result, null, observed), report.overrideContent());
        } catch (ProbeFormatException e) {
            return failed(target, result, FailureKind.OTHER, e.getMessage());
        }
    }

    /**
     * An ssh that ended silently was most likely hit by the Ctrl-C that is about to stop the run:
     * the terminal signals our ssh processes and us at once, and our handler may run a moment
     * after ssh has died. Give it that moment rather than report the host as failed.
     */
    private static boolean awaitStop(BooleanSupplier runStopped) {
        long deadline = System.nanoTime() + SIGNAL_GRACE.toNanos();
        while (System.nanoTime() < deadline) {
            if (runStopped.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // being interrupted is the run stopping
                return true;
            }
        }
        return runStopped.getAsBoolean();
    }

    private void storeVault(ProbeReport report, ObservedState observed) {
        byte[] vault = report.vaultContent();
        // Store only what matches the sha the host computed: a vault replaced mid-probe is
        // fetched again by the next audit rather than stored under the wrong name.
        if (vault != null && observed.vaultSha256() != null && Sha256.hex(vault).equals(observed.vaultSha256())) {
            state.vaults().put(vault);
        }
    }

    private HostOutcome store(HostOutcome outcome) {
        Observation stored = state.observations().add(outcome.observation());
        if (outcome instanceof HostOutcome.Probed probed) {
            if (probed.overrideContent() != null) {
                state.overrides().put(probed.overrideContent());
            }
            return new HostOutcome.Probed(probed.target(), stored, probed.overrideContent());
        }
        HostOutcome.Failed failed = (HostOutcome.Failed) outcome;
        return new HostOutcome.Failed(failed.target(), stored, failed.kind(), failed.detail());
    }

    private HostOutcome failed(HostTarget target, ProcessResult result, FailureKind kind, String detail) {
        String message = detail == null || detail.isBlank() ? kind.description() : detail;
        return new HostOutcome.Failed(target, observation(target, false, result, kind, null), kind, message);
    }

    private Observation observation(
            HostTarget target, boolean ok, ProcessResult result, FailureKind kind, ObservedState observed) {
        String stderr = result == null ? "" : transport.storedStderr(result);
        return new Observation(
                Observation.timestamp(clock.instant()),
                actor,
                Observation.ACTION_AUDIT,
                target.host(),
                ok,
                result == null ? null : result.exitCode(),
                stderr,
                kind == null ? null : kind.code(),
                observed);
    }
}
