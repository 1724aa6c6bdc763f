package fleetroll.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Two-word names for sha256 digests, following the public-domain humanhash scheme: the 32 digest
 * bytes are split into two halves of 16, each half is XOR-folded to one byte, and each byte picks a
 * word from humanhash's fixed 256-word list. "freddie-arkansas" is easier to say than "3f9a1c".
 */
public final class HumanHash {
    private static final List<String> WORDS = loadWords();

    private HumanHash() {}

    public static String ofSha256Hex(String sha256Hex) {
        String name = ofSha256HexOrNull(sha256Hex);
        if (name == null) {
            throw new IllegalArgumentException("not a sha256 in hex: \"" + sha256Hex + "\"");
        }
        return name;
    }

    /**
     * The name of a 64-digit hex sha256, or null for any other text. Folds the digits as it reads
     * them, without a digest array: host-monitor names two shas of each of 10,000 hosts at start.
     */
    public static String ofSha256HexOrNull(String text) {
        if (text == null || text.length() != 64) {
            return null;
        }
        int first = 0;
        int second = 0;
        for (int i = 0; i < 64; i += 2) {
            int high = hexDigit(text.charAt(i));
            int low = hexDigit(text.charAt(i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            if (i < 32) {
                first ^= high << 4 | low;
            } else {
                second ^= high << 4 | low;
            }
        }
        return WORDS.get(first) + "-" + WORDS.get(second);
    }

    public static String ofDigest(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a sha256 digest has 32 bytes, not " + digest.length);
        }
        return WORDS.get(fold(digest, 0)) + "-" + WORDS.get(fold(digest, 16));
    }

    // ASCII only: Character.digit also reads other scripts' digits, which no sha256sum prints.
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    public static boolean looksLikeHumanHash(String text) {
        int dash = text.indexOf('-');
        return dash > 0
                && dash == text.lastIndexOf('-')
                && WORDS.contains(text.substring(0, dash))
                && WORDS.contains(text.substring(dash + 1));
    }

    private static int fold(byte[] digest, int from) {
        int b = 0;
        for (int i = from; i < from + 16; i++) {
            b ^= digest[i];
        }
        return b & 0xff;
    }

    private static List<String> loadWords() {
        try (InputStream in = HumanHash.class.getResourceAsStream("/fleetroll/humanhash-wordlist.txt")) {
            if (in == null) {
                throw new IllegalStateException("humanhash-wordlist.txt missing from the jar");
            }
            List<String> words = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .map(String::strip)
                    .filter(w -> !w.isEmpty())
                    .toList();
            if (words.size() != 256) {
                throw new IllegalStateException("humanhash word list has " + words.size() + " words, not 256");
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
