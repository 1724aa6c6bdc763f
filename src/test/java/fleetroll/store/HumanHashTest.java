package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HumanHashTest {
    private static String of(String text) {
        return HumanHash.ofSha256Hex(Sha256.hex(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void matchesTheReferenceVectors() {
        assertThat(of("")).isEqualTo("mobile-leopard");
        assertThat(of("hello\n")).isEqualTo("colorado-floor");
        assertThat(of("test")).isEqualTo("delaware-kilo");
    }

    @Test
    void theTextFormFoldsAsTheDigestFormForEveryDigestByte() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            String hex = HexFormat.of().formatHex(digest);
            assertThat(HumanHash.ofSha256HexOrNull(hex)).isEqualTo(HumanHash.ofDigest(digest));
            assertThat(HumanHash.ofSha256HexOrNull(hex.toUpperCase(Locale.ROOT)))
                    .isEqualTo(HumanHash.ofDigest(digest));
        }
    }

    @Test
    void theTextFormIsNullForAnythingButSixtyFourHexDigits() {
        String sha = Sha256.hex(new byte[0]);
        assertThat(HumanHash.ofSha256HexOrNull(null)).isNull();
        assertThat(HumanHash.ofSha256HexOrNull("")).isNull();
        assertThat(HumanHash.ofSha256HexOrNull(sha.substring(1))).isNull();
        assertThat(HumanHash.ofSha256HexOrNull(sha + "0")).isNull();
        assertThat(HumanHash.ofSha256HexOrNull("g" + sha.substring(1))).isNull();
        assertThat(HumanHash.ofSha256HexOrNull(sha.substring(0, 63) + "-")).isNull();
        assertThat(HumanHash.ofSha256HexOrNull(sha.substring(0, 63) + "\u0663")).isNull(); // Arabic-Indic 3
        assertThat(HumanHash.ofSha256HexOrNull(sha)).isEqualTo("mobile-leopard");
    }

    @Test
    void recognisesTwoListWords() {
        assertThat(HumanHash.looksLikeHumanHash("mobile-leopard")).isTrue();
        assertThat(HumanHash.looksLikeHumanHash("mobile-notaword")).isFalse();
        assertThat(HumanHash.looksLikeHumanHash("3f9a1c2b")).isFalse();
    }
}
