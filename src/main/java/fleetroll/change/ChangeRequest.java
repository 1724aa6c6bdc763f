package fleetroll.change;

import java.util.Optional;

/**
 * One change to a managed file on many hosts: put contents there, or remove it. Sealed, so that
 * whatever runs either kind is told by the compiler when a third one appears.
 */
public sealed interface ChangeRequest permits SetRequest, UnsetRequest {
    ManagedFile file();

    /** The action named in every record of the run: "host.set_override", "host.unset_override"... */
    String action();

    Destination destination();

    /** Whether the file replaced or removed is kept as {@code <path>.bak.<backupSuffix>}. */
    boolean backup();

    /** UTC "YYYYmmddTHHMMSSZ" of the run, one for every host. */
    String backupSuffix();

    /** Why, from --reason; empty when none was given. */
    Optional<String> reason();

    /** The sha256 of the contents to write; empty for a removal. */
    Optional<String> newSha256();
}
