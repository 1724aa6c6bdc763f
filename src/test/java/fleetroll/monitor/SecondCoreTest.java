package fleetroll.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fleetroll.store.StoreException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SecondCoreTest {
    @Test
    void runsBothPartsAndReturnsWhenBothAreDone() {
        int[] parts = new int[2];
        SecondCore.run("test", () -> parts[0] = 1, () -> {
            sleep(50);
            parts[1] = 2;
        });
        assertThat(parts).containsExactly(1, 2);
    }

    @Test
    void anExceptionOnTheOtherThreadIsThrownHere() {
        assertThatThrownBy(() -> SecondCore.run("test", () -> {}, () -> {
                    throw new StoreException("cannot read x", null);
                }))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot read x");
    }

    @Test
    void thisThreadsExceptionWinsButTheOtherPartStillFinishesFirst() {
        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> SecondCore.run(
                        "test",
                        () -> {
                            throw new IllegalStateException("here");
                        },
                        () -> {
                            sleep(50);
                            finished.incrementAndGet();
                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("here");
        assertThat(finished).hasValue(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
