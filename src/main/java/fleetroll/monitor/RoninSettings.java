package fleetroll.monitor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the monitor shows of an override file ({@code ronin_settings}, shell syntax of
 * {@code KEY=value} lines): its {@code PUPPET_BRANCH}. The last assignment wins, as in the shell.
 */
public final class RoninSettings {
    private static final Pattern BRANCH =
            Pattern.compile("^\\s*(?:export\\s+)?PUPPET_BRANCH=(?:'([^']*)'|\"([^\"]*)\"|([^\\s#;'\"]*))");

    private RoninSettings() {}

    public static Optional<String> puppetBranch(byte[] contents) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(contents))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty(); // not text: show the sha instead
        }
        return puppetBranch(text);
    }

    public static Optional<String> puppetBranch(String text) {
        String branch = null;
        for (String line : text.split("\r?\n")) {
            Matcher m = BRANCH.matcher(line);
            if (m.find()) {
                String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                branch = value.strip();
            }
        }
        return branch == null || branch.isEmpty() ? Optional.empty() : Optional.of(branch);
    }
}
