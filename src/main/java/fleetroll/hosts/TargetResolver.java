package fleetroll.hosts;

import fleetroll.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * Turns the operator's HOST... | FILE arguments into validated targets. An argument is a list file
 * when it ends in ".list" or names an existing regular file; otherwise it is a host.
 */
public final class TargetResolver {
    private TargetResolver() {}

    public static List<HostTarget> resolve(List<String> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            throw new BadInputException("no hosts given: name hosts or a host list file");
        }
        // One list file is the usual case, and its parser has dropped duplicates already.
        List<HostTarget> targets = arguments.size() == 1 && isListFile(arguments.get(0))
                ? HostListParser.parse(Path.of(arguments.get(0)))
                : merged(arguments);
        if (targets.isEmpty()) {
            throw new BadInputException("no hosts in " + String.join(" ", arguments));
        }
        return targets;
    }

    /** The targets of every argument, in order, each once. */
    private static List<HostTarget> merged(List<String> arguments) {
        SequencedSet<HostTarget> targets = new LinkedHashSet<>();
        for (String argument : arguments) {
            if (isListFile(argument)) {
                targets.addAll(HostListParser.parse(Path.of(argument)));
            } else if (argument.contains("/") && !argument.startsWith("-")) {
                // A host name never holds "/": the operator meant a list file that is not there.
                throw new BadInputException("cannot read host list " + argument + ": no such file");
            } else {
                targets.add(HostTarget.parse(argument));
            }
        }
        return new ArrayList<>(targets);
    }

    /** The source to show in headers: the list file name, or the hosts given. */
    public static String describe(List<String> arguments) {
        return String.join(" ", arguments);
    }

    static boolean isListFile(String argument) {
        if (argument.endsWith(".list")) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(argument));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
