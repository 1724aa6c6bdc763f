package fleetroll.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObservedStateReaderTest {
    @ParameterizedTest
    @CsvSource({
        "2026-11-20T09:30:15.123456789+00:00, 2026-11-20T09:30:15Z", // Puppet 7+ report, ISO
        "2026-11-20T10:00:00Z, 2026-11-20T10:00:00Z", // last_run_metadata.json ts
        "2026-11-20T10:00:00, 2026-11-20T10:00:00Z", // no offset: UTC
        "2026-11-19 08:30:00.500000000 +01:00, 2026-11-19T07:30:00Z", // Ruby Time of older reports
        "2026-11-19 08:30:00 +0100, 2026-11-19T07:30:00Z",
        "2026-11-19 08:30:00 -0530, 2026-11-19T14:00:00Z",
    })
    void readsPuppetTimesInEveryFormTheyAreWritten(String text, String expected) {
        assertThat(ObservedStateReader.epochOf(text))
                .isEqualTo(Instant.parse(expected).getEpochSecond());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "yesterday", "2026-13-45T99:00:00Z", "1795000000"})
    void anUnreadableTimeIsUnknownNotAnError(String text) {
        assertThat(ObservedStateReader.epochOf(text)).isNull();
    }
}
