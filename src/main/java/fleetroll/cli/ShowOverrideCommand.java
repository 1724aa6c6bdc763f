package fleetroll.cli;

import fleetroll.config.FleetrollHome;
import picocli.CommandLine.Command;

@Command(
        name = "show-override",
        mixinStandardHelpOptions = true,
        description = {
            "Print a stored override (ronin_settings) exactly as stored, byte for byte.",
            "host-audit stores every override it sees; host-set-override stores what it pushes."
        },
        footer = {
            "%nExamples:",
            "  fleetroll show-override 3f9a1c2b4d5e",
            "  fleetroll show-override freddie-arkansas > ronin_settings",
            "%nExit status: 0 printed, 2 no match or more than one (the candidates are listed on stderr)."
        })
final class ShowOverrideCommand extends ShowStoredContentCommand {
    ShowOverrideCommand() {
        super("override", FleetrollHome::overridesDir);
    }
}
