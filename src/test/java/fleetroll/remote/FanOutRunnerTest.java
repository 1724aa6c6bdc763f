package fleetroll.remote;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.hosts.HostTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanOutRunnerTest {
    private static List<HostTarget> hosts(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new HostTarget("", "host" + i))
                .toList();
    }

    @Test
    void neverRunsMoreThanWorkersAtOnceAndKeepsInputOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> results = new FanOutRunner(3, Duration.ofMinutes(1))
                .run(
                        hosts(20),
                        t -> {
                            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                            sleep(20);
                            running.decrementAndGet();
                            return t.host();
                        },
                        t -> "cancelled " + t.host(),
                        r -> done.incrementAndGet());
        assertThat(results)
                .containsExactlyElementsOf(
                        hosts(20).stream().map(HostTarget::host).toList());
        assertThat(peak.get()).isLessThanOrEqualTo(3);
        assertThat(done.get()).isEqualTo(20);
    }

    @Test
    void batchDeadlineAccountsForEveryHost() {
        FanOutRunner runner = new FanOutRunner(2, Duration.ofMillis(300));
        List<String> results = runner.run(
                hosts(10),
                t -> {
                    try {
                        Thread.sleep(t.host().equals("host1") ? 10 : 60_000);
                        return "ok";
                    } catch (InterruptedException e) {
                        return "cancelled";
                    }
                },
                t -> "cancelled",
                r -> {});
        // Every host is accounted for; only host1 can have finished (if it got a permit in time).
        assertThat(results).hasSize(10);
        assertThat(results.subList(1, 10)).containsOnly("cancelled");
        assertThat(results.get(0)).isIn("ok", "cancelled");
        assertThat(runner.wasCancelled()).isTrue();
    }

    @Test
    void cancelStopsQueuedHosts() {
        FanOutRunner runner = new FanOutRunner(1, Duration.ofMinutes(1));
        List<String> results = runner.run(
                hosts(5),
                t -> {
                    runner.cancel();
                    return "ran";
                },
                t -> "cancelled",
                r -> {});
        // One worker: whichever host took the permit first ran; none of the others started.
        assertThat(results).containsOnlyOnce("ran");
        assertThat(results.stream().filter("cancelled"::equals)).hasSize(4);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
