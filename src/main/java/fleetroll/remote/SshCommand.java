package fleetroll.remote;

import fleetroll.hosts.HostTarget;
import java.util.ArrayList;
import java.util.List;

/** Builds ssh argument vectors. Processes get argument lists, never shell strings. */
public final class SshCommand {
    private SshCommand() {}

    /**
     * {@code ssh <ours> <operator's> -- DESTINATION REMOTE_COMMAND}. Our options come first
     * because ssh keeps the first value it sees, so ssh_config or {@code --ssh-option} cannot turn
     * BatchMode off; after "--" ssh reads no options, whatever the host string holds.
     */
    public static List<String> argv(SshSettings settings, HostTarget target, String remoteCommand) {
        List<String> argv = new ArrayList<>(List.of(
                "ssh",
                "-o",
                "BatchMode=yes",
                "-o",
                "ConnectTimeout=" + Math.max(1, settings.connectTimeout().toSeconds()),
                "-o",
                "StrictHostKeyChecking=accept-new",
                // Without a terminal: the probe and file contents travel as raw bytes.
                "-T"));
        argv.addAll(settings.operatorOptions());
        argv.add("--");
        argv.add(target.destination());
        argv.add(remoteCommand);
        return argv;
    }
}
