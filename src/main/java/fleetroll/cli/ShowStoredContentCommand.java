package fleetroll.cli;

import fleetroll.config.FleetrollHome;
import fleetroll.store.ContentStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * show-override and show-vault: the same argument and the same lookup, each in its own content
 * store. The subclasses carry only their help text and which store they read.
 */
abstract class ShowStoredContentCommand implements Callable<Integer> {
    private final String what;
    private final Function<FleetrollHome, Path> storeDir;

    @ParentCommand
    FleetrollCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "SHA_PREFIX|HUMAN-HASH",
            description = "At least 4 hex digits of the sha256, or the 2-word human hash.")
    String key;

    /**
     * @param what "override" or "vault", for messages
     * @param storeDir the directory under FLEETROLL_HOME that holds this kind of content
     */
    ShowStoredContentCommand(String what, Function<FleetrollHome, Path> storeDir) {
        this.what = what;
        this.storeDir = storeDir;
    }

    @Override
    public Integer call() {
        CommandContext context = parent.context();
        return StoredContentPrinter.print(
                new ContentStore(storeDir.apply(context.home())),
                what,
                key,
                context.stdout(),
                spec.commandLine().getErr());
    }
}
