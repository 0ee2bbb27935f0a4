package org.quorum.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.quorum.bench.driver.PostgresSettings;
import org.quorum.bench.driver.Throughput;

/**
 * One variant over all rounds: what it ran with (read in its first round), each round, and the medians that the
 * report compares. The events-on variant also carries the measures taken at steady state after the rounds.
 *
 * @param oneTask  the round with the median one-task throughput
 * @param oneTaskMedianCpuMsPerInstance the median of the rounds' CPU per instance, rounded to two decimals
 *                                      (independently of which round had the median throughput)
 * @param regionalEndorsement           with its CPU, absent for the peers, which run the one-task model only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VariantResult(String label, List<String> properties, List<RoundResult> rounds, double contextStartSeconds,
                     PostgresSettings postgres, Map<String, Object> engine,
                     Throughput oneTask, Throughput regionalEndorsement,
                     double oneTaskMedianCpuMsPerInstance, Double regionalEndorsementMedianCpuMsPerInstance,
                     Machine.Memory memoryAtSteadyState, CommitToConsumeLatency.Result commitToConsumeLatency,
                     OutboxDrain.Result outboxDrain) {

    /** What the application ran with, as read back from it in the variant's first round. */
    record Setup(PostgresSettings postgres, Map<String, Object> engine) {
    }

    static VariantResult of(Variant variant, Setup setup, List<RoundResult> rounds) {
        return new VariantResult(variant.label(), variant.properties(), rounds, rounds.get(0).contextStartSeconds(),
                setup.postgres(), setup.engine(), median(rounds, RoundResult::oneTask),
                variant.quorum() ? median(rounds, RoundResult::regionalEndorsement) : null,
                Report.round(medianCpu(rounds, RoundResult::oneTask)),
                variant.quorum() ? Report.round(medianCpu(rounds, RoundResult::regionalEndorsement)) : null,
                null, null, null);
    }

    VariantResult withSteadyState(EventsOnMeasures.Result steady) {
        return new VariantResult(label, properties, rounds, contextStartSeconds, postgres, engine, oneTask,
                regionalEndorsement, oneTaskMedianCpuMsPerInstance, regionalEndorsementMedianCpuMsPerInstance,
                steady.memory(), steady.latency(), steady.drain());
    }

    /** The round with the median throughput (the lower middle one for an even number of rounds). */
    private static Throughput median(List<RoundResult> rounds,
                                              Function<RoundResult, Throughput> model) {
        List<Throughput> sorted = new ArrayList<>(rounds.stream().map(model).toList());
        sorted.sort(Comparator.comparingDouble(Throughput::perSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /**
     * The median over the rounds of the one-task CPU per instance of the variant's broker process, which is not in
     * {@link #oneTaskMedianCpuMsPerInstance}; NaN for a variant without one (the peers).
     */
    double oneTaskMedianBrokerCpuMsPerInstance() {
        return Report.round(median(rounds, RoundResult::oneTask, Throughput::brokerCpuMsPerInstance));
    }

    private static double medianCpu(List<RoundResult> rounds, Function<RoundResult, Throughput> model) {
        return median(rounds, model, Throughput::cpuMsPerInstance);
    }

    private static double median(List<RoundResult> rounds, Function<RoundResult, Throughput> model,
                                 ToDoubleFunction<Throughput> figure) {
        double[] sorted = rounds.stream().map(model).mapToDouble(figure).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
