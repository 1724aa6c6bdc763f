package fleetroll.cli;

import fleetroll.config.FleetrollHome;
import picocli.CommandLine.Command;

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
final class ShowVaultCommand extends ShowStoredContentCommand {
    ShowVaultCommand() {
        super("vault", FleetrollHome::vaultDir);
    }
}
