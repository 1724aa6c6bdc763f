package fleetroll.cli;

import fleetroll.change.BackupSuffix;
import fleetroll.change.Destination;
import fleetroll.change.ManagedFile;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that every host-set-* and host-unset-* command shares. */
final class ChangeOptions {
    @Option(
            names = "--confirm",
            order = 10,
            description = "Change the hosts. Without it, a dry run: nothing is sent to any host.")
    boolean confirm;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            order = 11,
            description = "Why, in a few words; kept in every host's audit.jsonl record.")
    String reason;

    @Option(
            names = "--path",
            paramLabel = "PATH",
            order = 12,
            description = "The file on every host, whatever its OS (default: the Linux or macOS path).")
    String path;

    @Option(
            names = "--no-backup",
            order = 13,
            description = "Keep no <path>.bak.<UTC time> copy of the file being replaced or removed."
                    + " By default one is made and the newest 30 are kept.")
    boolean noBackup;

    @Option(
            names = "--no-audit",
            order = 14,
            description = "Do not audit the changed hosts again afterwards (the monitor then shows the"
                    + " state of their last audit).")
    boolean noAudit;

    @Option(names = "--json", order = 15, description = "Print JSON: the plan of a dry run, else the records.")
    boolean json;

    /** --path on every OS, else the file's own Linux and macOS paths. */
    Destination destination(ManagedFile file) {
        return path == null ? file.defaultDestination() : Destination.parse(path);
    }

    boolean backup() {
        return !noBackup;
    }

    /** One suffix for the whole run, so that every host's backup has the same name. */
    String backupSuffix(Clock clock) {
        return BackupSuffix.of(clock.instant());
    }

    /** A blank --reason records none. */
    Optional<String> reason() {
        return Optional.ofNullable(reason).filter(r -> !r.isBlank());
    }
}
