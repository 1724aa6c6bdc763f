package fleetroll.hosts;

import fleetroll.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SequencedSet;

/**
 * Reads a host list file: one host per line, {@code #} comments, blank lines, CRLF, a UTF-8 BOM and
 * surrounding blanks accepted; duplicates dropped in order. A {@code # fqdn: SUFFIX} line appends
 * SUFFIX to the dotless names after it. Every entry is validated before anything runs.
 */
public final class HostListParser {
    private static final String FQDN_DIRECTIVE = "fqdn:";

    private HostListParser() {}

    public static List<HostTarget> parse(Path file) {
        String label = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("cannot read host list " + file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException("cannot read host list " + file + ": " + e.getMessage(), e);
        }
        return parse(label, decode(label, bytes));
    }

    /** Parses list text; {@code label} names the source in error messages. */
    public static List<HostTarget> parse(String label, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        SequencedSet<HostTarget> hosts = new LinkedHashSet<>();
        String suffix = null;
        // Lines end at "\n"; strip() takes the "\r" of CRLF with the other blanks.
        int lineNumber = 0;
        for (int start = 0; start <= text.length(); ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            start = end + 1;
            lineNumber++;
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.toLowerCase(Locale.ROOT).startsWith(FQDN_DIRECTIVE)) {
                    suffix = fqdnSuffix(
                            label,
                            lineNumber,
                            comment.substring(FQDN_DIRECTIVE.length()).strip());
                }
                continue;
            }
            int hash = line.indexOf(" #");
            if (hash < 0) {
                hash = line.indexOf("\t#");
            }
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            HostTarget target;
            try {
                target = HostTarget.parse(line);
            } catch (BadInputException e) {
                throw new BadInputException(label + ":" + lineNumber + ": " + e.getMessage());
            }
            if (suffix != null && target.isDotless()) {
                target = target.withSuffix(suffix);
            }
            hosts.add(target);
        }
        return new ArrayList<>(hosts);
    }

    private static String fqdnSuffix(String label, int lineNumber, String value) {
        String suffix = value.startsWith(".") ? value.substring(1) : value;
        if (suffix.isEmpty()) {
            return null; // "# fqdn:" alone switches completion off again
        }
        try {
            new HostTarget("", "x." + suffix);
        } catch (BadInputException e) {
            throw new BadInputException(label + ":" + lineNumber + ": not a domain suffix: \"" + value + "\"");
        }
        return suffix;
    }

    private static String decode(String label, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(label + ": not UTF-8 text");
        }
    }
}
