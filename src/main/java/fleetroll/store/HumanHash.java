package fleetroll.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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
        return ofDigest(HexFormat.of().parseHex(sha256Hex));
    }

    public static String ofDigest(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a sha256 digest has 32 bytes, not " + digest.length);
        }
        return WORDS.get(fold(digest, 0)) + "-" + WORDS.get(fold(digest, 16));
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
