package fleetroll.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationSyntaxTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "30m       | PT30M        | MINUTES",
                "1h30m     | PT1H30M      | MINUTES",
                "2d        | PT48H        | DAYS",
                "2h 05m    | PT2H5M       | MINUTES",
                "1d 04h    | PT28H        | HOURS",
                "7m 05s    | PT7M5S       | SECONDS",
                "42s       | PT42S        | SECONDS",
                "1D2H3M4S  | PT26H3M4S    | SECONDS",
                "0s        | PT0S         | SECONDS",
                "'  3h  '  | PT3H         | HOURS",
                "999999999d| PT23999999976H | DAYS",
            })
    void readsTheFormsOperatorsTypeAndTheTableShows(String text, String iso, ChronoUnit precision) {
        assertThat(DurationSyntax.parse(text)).isEqualTo(new DurationSyntax.Parsed(Duration.parse(iso), precision));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", " ", "30", "h", "m30", "1.5h", "-1h", "5m 2h", "2h 3h", "1w", "1h-", "2h,5m", "١h", "2 h"})
    void refusesWhatIsNotADuration(String text) {
        assertThat(DurationSyntax.parse(text)).isInstanceOf(DurationSyntax.NotADuration.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890d", "99999999999999999999999h", "1d 9999999999s"})
    void reportsNumbersTooLargeInsteadOfOverflowing(String text) {
        assertThat(DurationSyntax.parse(text)).isInstanceOf(DurationSyntax.TooLarge.class);
    }
}
