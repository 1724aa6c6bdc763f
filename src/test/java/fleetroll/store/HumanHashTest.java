package fleetroll.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
    void recognisesTwoListWords() {
        assertThat(HumanHash.looksLikeHumanHash("mobile-leopard")).isTrue();
        assertThat(HumanHash.looksLikeHumanHash("mobile-notaword")).isFalse();
        assertThat(HumanHash.looksLikeHumanHash("3f9a1c2b")).isFalse();
    }
}
