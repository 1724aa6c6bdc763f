package fleetroll.change;

import java.util.Optional;

/** What host-unset-override asked for: remove the file, keeping a backup unless told not to. */
public record UnsetRequest(
        ManagedFile file, Destination destination, boolean backup, String backupSuffix, Optional<String> reason)
        implements ChangeRequest {

    public UnsetRequest {
        BackupSuffix.check(backupSuffix);
        file.unsetAction(); // the vault is never removed by fleetroll
    }

    @Override
    public String action() {
        return file.unsetAction();
    }

    @Override
    public Optional<String> newSha256() {
        return Optional.empty();
    }
}
