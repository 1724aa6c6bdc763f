package fleetroll.cli;

import fleetroll.store.ContentStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "show-vault",
        mixinStandardHelpOptions = true,
        description = {
            "Print a stored vault.yaml exactly as stored. It holds secrets: this is the only command"
                    + " that prints vault contents.",
            "host-audit stores each new vault it sees; host-set-vault stores what it pushes."
        },
        footer = {
            "%nExamples:",
            "  fleetroll show-vault 9c1e44d0",
            "  fleetroll show-vault lima-tango | less",
            "%nExit status: 0 printed, 2 no match or more than one (the candidates are listed on stderr)."
        })
final class ShowVaultCommand implements Callable<Integer> {
    @ParentCommand
    FleetrollCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "SHA_PREFIX|HUMAN-HASH",
            description = "At least 4 hex digits of the sha256, or the 2-word human hash.")
    String key;

    @Override
    public Integer call() {
        CommandContext context = parent.context();
        return StoredContentPrinter.print(
                new ContentStore(context.home().vaultDir()),
                "vault",
                key,
                context.stdout(),
                spec.commandLine().getErr());
    }
}
