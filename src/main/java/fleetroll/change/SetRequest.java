package fleetroll.change;

import java.util.Optional;

/**
 * What host-set-override or host-set-vault asked for, checked: the file, where it goes, the
 * contents, mode and ownership, and the rules for an existing file.
 *
 * @param backupSuffix UTC "YYYYmmddTHHMMSSZ" of the run; backups are {@code <path>.bak.<suffix>}
 */
public record SetRequest(
        ManagedFile file,
        Destination destination,
        FileContents contents,
        FileMode mode,
        Ownership ownership,
        boolean force,
        boolean backup,
        String backupSuffix,
        Optional<String> reason)
        implements ChangeRequest {

    public SetRequest {
        BackupSuffix.check(backupSuffix);
    }

    @Override
    public String action() {
        return file.setAction();
    }

    @Override
    public Optional<String> newSha256() {
        return Optional.of(contents.sha256());
    }
}
