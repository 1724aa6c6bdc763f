package fleetroll.cli;

import fleetroll.store.ContentStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
final class ShowOverrideCommand implements Callable<Integer> {
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
                new ContentStore(context.home().overridesDir()),
                "override",
                key,
                context.stdout(),
                spec.commandLine().getErr());
    }
}
