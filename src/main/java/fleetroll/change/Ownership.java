package fleetroll.change;

import fleetroll.BadInputException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Owner and group for chown. {@code group} is empty when the operator gave none: the host then
 * uses root on Linux and wheel on macOS.
 */
public record Ownership(String owner, Optional<String> group) {
    // POSIX portable user names, or numeric ids; nothing the remote shell could read as syntax.
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,31}|[0-9]{1,10}");

    public Ownership {
        if (!NAME.matcher(owner).matches()) {
            throw new BadInputException("--owner: not a user name: \"" + owner + "\"");
        }
        group.ifPresent(g -> {
            if (!NAME.matcher(g).matches()) {
                throw new BadInputException("--group: not a group name: \"" + g + "\"");
            }
        });
    }
}
