package fleetroll.cli;

import fleetroll.BadInputException;
import fleetroll.store.ContentStore;
import fleetroll.store.HumanHash;
import fleetroll.store.StoredContent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** show-override and show-vault: find one stored content by sha prefix or human hash, print it. */
final class StoredContentPrinter {
    private StoredContentPrinter() {}

    /** Writes the exact stored bytes to {@code out}; ambiguity and absence are bad input (exit 2). */
    static int print(ContentStore store, String what, String key, OutputStream out, PrintWriter err) {
        String wanted = key.strip().toLowerCase(java.util.Locale.ROOT);
        if (!wanted.matches("[0-9a-f]{4,64}") && !HumanHash.looksLikeHumanHash(wanted)) {
            throw new BadInputException("\"" + key + "\" is neither a sha256 prefix (at least 4 hex digits) nor a"
                    + " human hash like freddie-arkansas");
        }
        List<StoredContent> matches = store.find(wanted);
        if (matches.isEmpty()) {
            throw new BadInputException("no stored " + what + " matches \"" + key + "\" (looked in " + store.dir()
                    + "; host-audit and host-set-" + what + " store them)");
        }
        if (matches.size() > 1) {
            err.println("fleetroll: \"" + key + "\" matches " + matches.size() + " stored " + what
                    + "s; give more of the sha:");
            for (StoredContent match : matches) {
                err.println("  " + match.sha256().substring(0, 16) + "  " + match.humanHash());
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        try {
            out.write(store.read(matches.get(0)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to stdout: " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }
}
