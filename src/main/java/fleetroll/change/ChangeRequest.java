package fleetroll.change;

import java.util.Optional;

/**
 * One change to a managed file on many hosts: put contents there, or remove it. Sealed, so that
 * whatever runs either kind is told by the compiler when a third one appears.
 */
public sealed interface ChangeRequest permits SetRequest, UnsetRequest {
    ManagedFile file();

    Destination destination();

    /** The sha256 of the contents to write; empty for a removal. */
    Optional<String> newSha256();
}
