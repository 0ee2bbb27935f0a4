package org.quorum.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark and a variant's JVM agree on what is asked and on what comes back. */
class ForkedRoundTest {

    @Test
    void aRequestReadsBackAsItWasWritten(@TempDir Path folder) {
        ForkRequest request = new ForkRequest("BARE_FLOWABLE", 2, folder.resolve("data"), folder.resolve("r.json"),
                8, 300, 1200, 300, true, List.of("quorum.events.relay.batch-size=2000", "a=b=c"), 4242);

        assertThat(ForkRequest.parse(request.arguments().toArray(String[]::new))).isEqualTo(request);
    }

    @Test
    void aRoundReadsBackWithItsFiguresToTwoDecimalsAndWhatWasNotMeasuredLeftOut(@TempDir Path folder)
            throws Exception {
        Throughput oneTask = new Throughput("bench-one-task", 8, 1200, 12.3456, 0.011,
                Percentiles.ofNanos(new long[] {1_000_000, 3_000_000}), 21.237, Double.NaN, 1.5, Double.NaN);
        Path file = folder.resolve("round.json");

        new ForkedRound(5.5, new PostgresSettings("on", "on"), Map.of("historyLevel", "full"), oneTask, null, null)
                .write(file);
        ForkedRound read = ForkedRound.read(file);

        assertThat(read.oneTask().seconds()).isEqualTo(12.35);
        assertThat(read.oneTask().cpuMsPerInstance()).isEqualTo(21.24);
        assertThat(read.oneTask().postgresCpuMsPerInstance()).isNaN();
        assertThat(read.oneTask().drive()).isEqualTo(new Percentiles(2, 1, 3, 3, 3));
        assertThat(read.postgres()).isEqualTo(new PostgresSettings("on", "on"));
        assertThat(read.engine()).containsEntry("historyLevel", "full");
        assertThat(read.regionalEndorsement()).isNull();
        assertThat(read.relayAfterThroughput()).isNull();
    }
}
