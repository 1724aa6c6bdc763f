package fleetroll.cli;

import fleetroll.change.ContentChecks;
import fleetroll.change.ManagedFile;
import fleetroll.change.UnsetRequest;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.SshSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "host-unset-override",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Remove the override (ronin_settings) from hosts, so that Puppet runs from its default repo"
                    + " and branch again.",
            "Without --confirm this is a dry run that shows the hosts and which of them carry an override"
                    + " (from the latest audits), and changes nothing. With --confirm the file is moved to"
                    + " <path>.bak.<UTC time> (newest 30 kept; --no-backup deletes it instead). A host without"
                    + " one is reported \"absent\", which counts as success."
        },
        footer = {
            "%nExamples:",
            "  fleetroll host-unset-override linux.list                         # dry run",
            "  fleetroll host-unset-override --confirm --reason 'bug 1234 done' \\",
            "      linux.list",
            "%nExit status: 0 every host removed or absent, 1 some host failed, 2 bad input," + " 130 interrupted."
        })
final class HostUnsetOverrideCommand implements Callable<Integer> {
    @ParentCommand
    FleetrollCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targets;

    @Mixin
    ChangeOptions change;

    @ArgGroup(exclusive = false, heading = "%nSSH and fan-out:%n", order = 20)
    SshOptions ssh = new SshOptions();

    @Override
    public Integer call() {
        CommandContext context = parent.context().withConfigLoaded();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ManagedFile file = ManagedFile.OVERRIDE;
        List<HostTarget> hosts = targets.resolve();
        SshSettings settings = ssh.settings(context.config());
        UnsetRequest request = new UnsetRequest(
                file, change.destination(file), change.backup(), change.backupSuffix(context.clock()), change.reason());
        return ChangeRun.run(
                request, ContentChecks.skipped(), hosts, targets.source(), context, change, settings, out, err);
    }
}
