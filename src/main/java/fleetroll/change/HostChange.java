package fleetroll.change;

import fleetroll.hosts.HostTarget;
import fleetroll.remote.FailureKind;
import java.util.Optional;

/**
 * How one host's write or removal ended, with the ssh facts the audit record keeps. Every target
 * ends in exactly one {@link Outcome}.
 *
 * @param sshRc ssh's exit status; empty when ssh never ran (the run was stopped first)
 * @param group the group the host used (root, wheel or --group); empty when it never said
 */
public record HostChange(
        HostTarget target, Outcome outcome, Optional<Integer> sshRc, String stderr, Optional<String> group) {

    public sealed interface Outcome {
        /** The file now holds the new contents; {@code backupPath} holds the old ones, if any. */
        record Changed(Optional<String> backupPath) implements Outcome {}

        /** The file already held these contents; owner, group and mode were set. */
        record Unchanged() implements Outcome {}

        /** The file holds other contents and --force was not given: nothing was changed. */
        record Refused(Optional<String> existingSha256) implements Outcome {}

        /** The file was removed; {@code backupPath} holds it, unless --no-backup. */
        record Removed(Optional<String> backupPath) implements Outcome {}

        /** There was no file to remove. */
        record Absent() implements Outcome {}

        /**
         * ssh, sudo or the script failed. {@code mayHaveChanged} when the script had started but
         * its answer never came (killed at --timeout, Ctrl-C): the host holds the old or the new
         * file, never a mix, and only an audit tells which.
         */
        record Failed(FailureKind kind, String detail, boolean mayHaveChanged) implements Outcome {}
    }

    /** Changed, unchanged, removed and absent are what was asked for; refused and failed are not. */
    public boolean succeeded() {
        return switch (outcome) {
            case Outcome.Changed c -> true;
            case Outcome.Unchanged u -> true;
            case Outcome.Removed r -> true;
            case Outcome.Absent a -> true;
            case Outcome.Refused r -> false;
            case Outcome.Failed f -> false;
        };
    }

    /** Whether the host's file changed (or had its owner and mode fixed): worth a new audit. */
    public boolean touchedHost() {
        return switch (outcome) {
            case Outcome.Changed c -> true;
            case Outcome.Unchanged u -> true; // owner and mode may have been fixed
            case Outcome.Removed r -> true;
            case Outcome.Absent a -> false;
            case Outcome.Refused r -> false;
            case Outcome.Failed f -> false;
        };
    }

    /** "changed", "unchanged", "refused", "removed", "absent" or "failed". */
    public String status() {
        return switch (outcome) {
            case Outcome.Changed c -> "changed";
            case Outcome.Unchanged u -> "unchanged";
            case Outcome.Refused r -> "refused";
            case Outcome.Removed r -> "removed";
            case Outcome.Absent a -> "absent";
            case Outcome.Failed f -> "failed";
        };
    }
}
