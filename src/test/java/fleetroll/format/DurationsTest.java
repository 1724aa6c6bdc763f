package fleetroll.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void compactShowsTheTwoLargestUnits() {
        assertThat(Durations.compact(null)).isEqualTo("-");
        assertThat(Durations.compact(Duration.ofSeconds(-5))).isEqualTo("0s");
        assertThat(Durations.compact(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Durations.compact(Duration.ofSeconds(7 * 60 + 5))).isEqualTo("7m 05s");
        assertThat(Durations.compact(Duration.ofMinutes(125))).isEqualTo("2h 05m");
        assertThat(Durations.compact(Duration.ofHours(76))).isEqualTo("3d 04h");
    }

    @Test
    void elapsedShowsTenthsUnderAMinuteThenCompact() {
        assertThat(Durations.elapsed(Duration.ofMillis(400))).isEqualTo("0.4s");
        assertThat(Durations.elapsed(Duration.ofMillis(14_250))).isEqualTo("14.3s");
        assertThat(Durations.elapsed(Duration.ofSeconds(125))).isEqualTo("2m 05s");
    }

    @Test
    void elapsedIsTheSameWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // formats 1.5 as "1,5" by default
            assertThat(Durations.elapsed(Duration.ofMillis(1500))).isEqualTo("1.5s");
        } finally {
            Locale.setDefault(before);
        }
    }
}
