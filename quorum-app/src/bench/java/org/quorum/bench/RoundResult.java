package org.quorum.bench;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One variant's figures in one round.
 *
 * @param contextStartSeconds  in-process start of the application, rounded to two decimals
 * @param relayAfterThroughput how the relay caught up after the measured windows; events-on variant only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RoundResult(int round, List<Double> loadAverageAtStart, double contextStartSeconds,
                   Officers.Throughput oneTask, Officers.Throughput regionalEndorsement,
                   BenchApplication.RelayCatchUp relayAfterThroughput, List<Double> loadAverageAtEnd) {
}
