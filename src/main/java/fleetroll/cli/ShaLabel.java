package fleetroll.cli;

import fleetroll.store.HumanHash;

/**
 * How a file's contents are named in text output: the first 12 hex digits of the sha256 and the
 * human hash, "93c9e3d18d0b november-mirror". show-override and show-vault accept either.
 */
final class ShaLabel {
    private ShaLabel() {}

    static String of(String sha256) {
        return sha256.substring(0, 12) + " " + HumanHash.ofSha256Hex(sha256);
    }
}
