package fleetroll.cli;

import fleetroll.hosts.HostTarget;
import fleetroll.hosts.TargetResolver;
import java.util.List;
import picocli.CommandLine.Parameters;

/** HOST... | FILE.list, shared by every command that takes hosts. */
public final class TargetOptions {
    @Parameters(
            arity = "1..*",
            paramLabel = "HOST|FILE.list",
            description = "Hosts (host, user@host, IPv4, [IPv6]) or a host list file"
                    + " (one host a line, # comments, '# fqdn: SUFFIX' completes dotless names).")
    List<String> arguments;

    public List<HostTarget> resolve() {
        return TargetResolver.resolve(arguments);
    }

    public String source() {
        return TargetResolver.describe(arguments);
    }
}
