package fleetroll.cli;

import fleetroll.audit.ProbeScript;
import fleetroll.config.FleetrollHome;
import fleetroll.hosts.HostTarget;
import fleetroll.remote.SshTransport;
import fleetroll.store.ContentStore;
import fleetroll.store.ContentStoreIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "debug-host-script",
        mixinStandardHelpOptions = true,
        description = {
            "Print the exact probe that host-audit sends to each host on stdin.",
            "With --wrap, print it as a shell command that runs it over ssh like host-audit does."
        },
        footer = {
            "%nExamples:",
            "  fleetroll debug-host-script | ssh host1 'sudo -n sh -s'",
            "  fleetroll debug-host-script --wrap host1.example.org > probe-host1.sh && sh probe-host1.sh"
        })
final class DebugHostScriptCommand implements Callable<Integer> {
    private static final String HEREDOC_END = "__FLEETROLL_PROBE_END__";

    @ParentCommand
    FleetrollCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--wrap", description = "Print the ssh-ready form: ssh argv with the probe as a here-document.")
    boolean wrap;

    @Parameters(arity = "0..1", paramLabel = "HOST", description = "Host for --wrap (default: HOST as a placeholder).")
    String host;

    @ArgGroup(exclusive = false, heading = "%nSSH options (for --wrap):%n")
    SshOptions ssh = new SshOptions();

    @Override
    public Integer call() {
        CommandContext context = parent.context();
        FleetrollHome home = context.home();
        // Read-only: the vault index is computed from the store without creating anything.
        String script = ProbeScript.text(ContentStoreIndex.shas(new ContentStore(home.vaultDir())));
        PrintWriter out = spec.commandLine().getOut();
        if (!wrap) {
            out.print(script);
            out.flush();
            return ExitCodes.OK;
        }
        HostTarget target = host == null ? new HostTarget("", "HOST") : HostTarget.parse(host);
        List<String> argv = new SshTransport(
                        ssh.settings(context.withConfigLoaded().config()))
                .argv(target, ProbeScript.REMOTE_COMMAND);
        out.println(argv.stream().map(DebugHostScriptCommand::quote).collect(Collectors.joining(" ")) + " <<'"
                + HEREDOC_END + "'");
        out.print(script);
        out.println(HEREDOC_END);
        out.flush();
        return ExitCodes.OK;
    }

    /** Single-quotes a word for sh unless it is plainly safe. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./=:@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
