package fleetroll.cli;

import fleetroll.change.ManagedFile;
import picocli.CommandLine.Command;

@Command(
        name = "host-set-override",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Put an override (ronin_settings) on hosts, so that Puppet runs from another repo or branch.",
            "Without --confirm this is a dry run: it shows the hosts, the contents, their sha256 and human"
                    + " hash, the result of the checks, and which hosts already carry an override (from the"
                    + " latest audits), and changes nothing.",
            "With --confirm each host gets the file atomically (temp file, rename) through one `sudo -n`."
                    + " A host whose override has other contents is refused unless --force; identical"
                    + " contents only get owner and mode fixed. Each host is recorded in audit.jsonl, and the"
                    + " changed hosts are audited again.",
            "Checks (skip with --no-validate): `bash -n` parses it; PUPPET_REPO is a git URL,"
                    + " PUPPET_BRANCH a branch name, PUPPET_MAIL an email address, WORKER_TYPE_OVERRIDE (when"
                    + " set) a worker type name."
        },
        footer = {
            "%nExamples:",
            "  fleetroll host-set-override --from-file ronin_settings host1     # dry run",
            "  fleetroll host-set-override --from-file ronin_settings --confirm \\",
            "      --reason 'bug 1234 canary' host1",
            "  fleetroll host-set-override --from-file ronin_settings --confirm \\",
            "      --force --reason 'bug 1234' linux.list",
            "  fleetroll show-override freddie-arkansas   # contents a dry run named",
            "%nExit status: 0 every host changed or unchanged, 1 some host refused or failed,"
                    + " 2 bad input or failed checks (nothing sent), 130 interrupted."
        })
final class HostSetOverrideCommand extends HostSetFileCommand {
    @Override
    ManagedFile file() {
        return ManagedFile.OVERRIDE;
    }
}
