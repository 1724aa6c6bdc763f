package fleetroll.cli;

import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code fleetroll} command: it only dispatches to subcommands. */
@Command(
        name = "fleetroll",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "See and change the state of a fleet of Puppet-managed hosts over SSH.",
        footer = {
            "%nExamples:",
            "  fleetroll host-audit t-linux64-ms-238.test.releng.mdc1.mozilla.com",
            "  fleetroll host-audit --workers 50 configs/host-lists/linux.list",
            "  fleetroll host-monitor configs/host-lists/linux.list",
            "  source <(fleetroll generate-completion)      # bash/zsh completion",
            "%nState lives in $FLEETROLL_HOME (default ~/.fleetroll). Exit codes: 0 ok, 1 some failed,"
                    + " 2 bad input, 130 interrupted."
        })
public final class FleetrollCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. {@link Main} adds them, not the annotation:
     * picocli builds a command's model by reflection when it is added, about 30 ms for all of them
     * at start, so a run of one subcommand gets only that one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            HostAuditCommand.class,
            HostMonitorCommand.class,
            DebugHostScriptCommand.class,
            TcFetchCommand.class,
            HostSetOverrideCommand.class,
            HostUnsetOverrideCommand.class,
            HostSetVaultCommand.class,
            ShowOverrideCommand.class,
            ShowVaultCommand.class,
            AutoComplete.GenerateCompletion.class);

    private final CommandContext context;

    @Spec
    CommandSpec spec;

    FleetrollCommand(CommandContext context) {
        this.context = context;
    }

    CommandContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
