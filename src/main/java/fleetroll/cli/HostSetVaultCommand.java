package fleetroll.cli;

import fleetroll.change.ManagedFile;
import picocli.CommandLine.Command;

@Command(
        name = "host-set-vault",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Put a secrets file (vault.yaml) on hosts: /root/vault.yaml on Linux, /var/root/vault.yaml on"
                    + " macOS, mode 0640.",
            "Works like host-set-override, but the contents are never printed, logged or put in an"
                    + " argument: the dry run shows their sha256 and human hash only, ssh carries them on stdin,"
                    + " and the local copy in vault_yamls/ is 0600 (show-vault prints it).",
            "A host whose vault has other contents is refused unless --force. Checks (skip with"
                    + " --no-validate): the file parses as YAML and holds a mapping."
        },
        footer = {
            "%nExamples:",
            "  fleetroll host-set-vault --from-file vault.yaml host1           # dry run",
            "  fleetroll host-set-vault --from-file vault.yaml --confirm --force \\",
            "      --reason 'rotate tokens' linux.list",
            "  pass show releng/vault.yaml |",
            "      fleetroll host-set-vault --from-file - --confirm --force host1",
            "%nExit status: 0 every host changed or unchanged, 1 some host refused or failed,"
                    + " 2 bad input or failed checks (nothing sent), 130 interrupted."
        })
final class HostSetVaultCommand extends HostSetFileCommand {
    @Override
    ManagedFile file() {
        return ManagedFile.VAULT;
    }
}
