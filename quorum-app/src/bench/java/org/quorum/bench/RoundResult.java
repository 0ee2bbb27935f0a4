package org.quorum.bench;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.quorum.bench.driver.RelayCatchUp;
import org.quorum.bench.driver.Throughput;

/**
 * One variant's figures in one round.
 *
 * @param contextStartSeconds  start of the application in the round's JVM, rounded to two decimals
 * @param regionalEndorsement  Quorum's variants only
 * @param relayAfterThroughput how the relay caught up after the measured windows; events-on variant only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RoundResult(int round, List<Double> loadAverageAtStart, double contextStartSeconds,
                   Throughput oneTask, Throughput regionalEndorsement,
                   RelayCatchUp relayAfterThroughput, List<Double> loadAverageAtEnd) {
}
