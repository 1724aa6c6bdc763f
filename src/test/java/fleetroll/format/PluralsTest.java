package fleetroll.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralsTest {
    @Test
    void onlyExactlyOneIsSingular() {
        assertThat(Plurals.count(0, "host")).isEqualTo("0 hosts");
        assertThat(Plurals.count(1, "host")).isEqualTo("1 host");
        assertThat(Plurals.count(2, "changed host")).isEqualTo("2 changed hosts");
    }
}
