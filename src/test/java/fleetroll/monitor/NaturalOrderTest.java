package fleetroll.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void ordersNumbersInNamesByValue() {
        List<String> names = new ArrayList<>(
                List.of("host10", "host2", "Host1", "host1", "host02", "a", "host", "h99999999999999999999x"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names)
                .containsExactly("a", "h99999999999999999999x", "host", "Host1", "host1", "host02", "host2", "host10");
    }

    @Test
    void isConsistentWithEquals() {
        assertThat(NaturalOrder.INSTANCE.compare("host1", "host1")).isZero();
        assertThat(NaturalOrder.INSTANCE.compare("host01", "host1")).isNotZero();
        assertThat(Integer.signum(NaturalOrder.INSTANCE.compare("host01", "host1")))
                .isEqualTo(-Integer.signum(NaturalOrder.INSTANCE.compare("host1", "host01")));
    }
}
