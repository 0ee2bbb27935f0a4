package org.quorum.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13's fault suite on a cluster on one machine (one PostgreSQL, three KRaft brokers, two Quorum nodes
 * from the packaged jar, every one a process of its own). The short suite runs in {@code mvn verify}; the full
 * one with {@code mvn -Pfaults verify} (docs/reliability.md).
 */
@Tag("cluster")
class ClusterFaultsIT {

    static final Path FOLDER = Path.of("target", "reliability");

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aKilledNodeAKilledLockSessionAndAKilledBrokerLoseNothingInventNothingAndKeepOrder() throws Exception {
        List<FaultSuite.Result> results = new FaultSuite(FOLDER, Duration.ofSeconds(10), Duration.ofSeconds(10), 2)
                .run(List.of(Fault.KILL_RELAYING_NODE, Fault.KILL_LOCK_SESSION, Fault.KILL_BUSIEST_PARTITION_LEADER));
        assertGuarantees(results);
    }

    @Test
    @Tag("faults")
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void everyFaultOfTheIssueLosesNothingInventsNothingAndKeepsOrder() throws Exception {
        List<FaultSuite.Result> results = new FaultSuite(FOLDER, Duration.ofSeconds(15), Duration.ofSeconds(15), 2)
                .run(List.of(Fault.KILL_RELAYING_NODE, Fault.KILL_OTHER_NODE, Fault.PAUSE_RELAYING_NODE,
                        Fault.KILL_LOCK_SESSION, Fault.RESTART_POSTGRES, Fault.CRASH_POSTGRES,
                        Fault.KILL_BUSIEST_PARTITION_LEADER, Fault.ALL_BROKERS_DOWN, Fault.SAME_TASK_ON_BOTH_NODES));
        assertGuarantees(results);
    }

    /**
     * 0 lost, 0 invented, 0 out of order, no gaps, in every phase; officers acknowledged work in every phase;
     * repeated ids only after a fault that can interrupt a relay round, and at most one relay batch of them.
     */
    static void assertGuarantees(List<FaultSuite.Result> results) {
        SoftAssertions softly = new SoftAssertions();
        for (FaultSuite.Result r : results) {
            Accounting.Row c = r.counts();
            String phase = r.phase();
            softly.assertThat(c.acknowledged()).as("%s: acknowledged", phase).isPositive();
            softly.assertThat(c.lostInHistory()).as("%s: lost in history", phase).isZero();
            softly.assertThat(c.lostOnKafka()).as("%s: lost on Kafka", phase).isZero();
            softly.assertThat(c.invented()).as("%s: invented", phase).isZero();
            softly.assertThat(c.outOfOrder()).as("%s: out of order", phase).isZero();
            softly.assertThat(c.gaps()).as("%s: gaps in sequence", phase).isZero();
            softly.assertThat(c.duplicates()).as("%s: duplicate ids", phase)
                    .isLessThanOrEqualTo(r.fault() != null && r.fault().mayRepeatABatch ? FaultSuite.RELAY_BATCH : 0);
        }
        softly.assertAll();
        assertThat(results).isNotEmpty();
    }
}
