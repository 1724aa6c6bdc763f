package fleetroll.cli;

import fleetroll.change.ContentChecks;
import fleetroll.change.FileContents;
import fleetroll.change.FileMode;
import fleetroll.change.ManagedFile;
import fleetroll.change.Ownership;
import fleetroll.change.SetRequest;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.SshSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * host-set-override and host-set-vault: read and check --from-file, then either show the plan
 * (dry run) or write it to every host, record each host, and audit the changed hosts again.
 */
abstract class HostSetFileCommand implements Callable<Integer> {
    @ParentCommand
    FleetrollCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targets;

    @Option(
            names = "--from-file",
            required = true,
            paramLabel = "FILE",
            order = 1,
            description = "The new contents, exactly as they are (\"-\" reads stdin).")
    String fromFile;

    @Option(
            names = "--force",
            order = 2,
            description = "Replace a file with other contents. Without it such a host is refused; the check"
                    + " is made on the host at write time.")
    boolean force;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            order = 3,
            description = "File mode (default 0644 for the override, 0640 for the vault).")
    String mode;

    @Option(
            names = "--owner",
            paramLabel = "USER",
            order = 4,
            defaultValue = "root",
            description = "File owner (default ${DEFAULT-VALUE}).")
    String owner;

    @Option(
            names = "--group",
            paramLabel = "GROUP",
            order = 5,
            description = "File group (default root on Linux, wheel on macOS).")
    String group;

    @Option(
            names = "--no-validate",
            order = 6,
            description = "Skip the checks of the contents (an empty or unreadable file is still refused).")
    boolean noValidate;

    @Mixin
    ChangeOptions change;

    @ArgGroup(exclusive = false, heading = "%nSSH and fan-out:%n", order = 20)
    SshOptions ssh = new SshOptions();

    abstract ManagedFile file();

    @Override
    public Integer call() {
        CommandContext context = parent.context().withConfigLoaded();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ManagedFile file = file();
        // Everything that can be wrong with the input is found before any host is contacted.
        List<HostTarget> hosts = targets.resolve();
        SshSettings settings = ssh.settings(context.config());
        FileContents contents = FileContents.read(fromFile, context.stdin());
        SetRequest request = new SetRequest(
                file,
                change.destination(file),
                contents,
                mode == null ? file.defaultMode() : FileMode.parse(mode),
                new Ownership(owner, Optional.ofNullable(group)),
                force,
                change.backup(),
                change.backupSuffix(context.clock()),
                change.reason());
        ContentChecks checks = noValidate ? ContentChecks.skipped() : ContentChecks.run(file, contents);
        return ChangeRun.run(request, checks, hosts, targets.source(), context, change, settings, out, err);
    }
}
