package org.quorum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.quorum.bench.driver.Throughput;

/**
 * The variants against each other. Quorum's own three, for each model, when all three ran; Quorum with events on
 * against each peer that ran (one-task model), the headline of issue 17. Absent where a side did not run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Ratios(ModelRatios oneTask, ModelRatios regionalEndorsement, PeerRatios eventsOnOverBareCamunda,
              PeerRatios eventsOnOverBareFlowable) {

    /** Of the variants' medians; null when no ratio can be taken. */
    static Ratios ofMedians(Map<Variant, VariantResult> variants) {
        return of(variants, VariantResult::oneTask, VariantResult::regionalEndorsement,
                VariantResult::oneTaskMedianCpuMsPerInstance);
    }

    /** Each round's ratios: its variants ran back to back, so they saw much the same machine. */
    static List<PerRound> perRound(Map<Variant, VariantResult> variants, int rounds) {
        List<PerRound> perRound = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            int round = r;
            Ratios ratios = of(Variant.each(variants, variant -> variant.rounds().get(round)),
                    RoundResult::oneTask, RoundResult::regionalEndorsement,
                    result -> result.oneTask().cpuMsPerInstance());
            if (ratios != null) {
                perRound.add(new PerRound(ratios, round + 1));
            }
        }
        return perRound.isEmpty() ? null : perRound;
    }

    private static <T> Ratios of(Map<Variant, T> byVariant, Function<T, Throughput> oneTask,
                                 Function<T, Throughput> regionalEndorsement, ToDoubleFunction<T> oneTaskCpu) {
        boolean quorum = byVariant.keySet().containsAll(List.of(Variant.CAMUNDA_DEFAULTS, Variant.QUORUM_EVENTS_OFF,
                Variant.QUORUM_EVENTS_ON));
        Ratios ratios = new Ratios(quorum ? ModelRatios.of(Variant.each(byVariant, oneTask)) : null,
                quorum ? ModelRatios.of(Variant.each(byVariant, regionalEndorsement)) : null,
                PeerRatios.of(byVariant, Variant.BARE_CAMUNDA, oneTask, oneTaskCpu),
                PeerRatios.of(byVariant, Variant.BARE_FLOWABLE, oneTask, oneTaskCpu));
        return ratios.equals(new Ratios(null, null, null, null)) ? null : ratios;
    }

    record PerRound(@JsonUnwrapped Ratios ratios, int round) {
    }

    /** Throughput, rounded to two decimals. */
    record ModelRatios(double eventsOnOverEventsOff, double eventsOnOverCamundaDefaults,
                       double eventsOffOverCamundaDefaults) {

        static ModelRatios of(Map<Variant, Throughput> figures) {
            double defaults = figures.get(Variant.CAMUNDA_DEFAULTS).perSecond();
            double off = figures.get(Variant.QUORUM_EVENTS_OFF).perSecond();
            double on = figures.get(Variant.QUORUM_EVENTS_ON).perSecond();
            return new ModelRatios(Report.round(on / off), Report.round(on / defaults), Report.round(off / defaults));
        }
    }

    /**
     * Quorum with events on over a peer, one-task model, rounded to two decimals (issue 17's targets: throughput
     * at least 0.87 of bare Camunda's and 1.0 of bare Flowable's; CPU per instance at most 1.15 of bare Camunda's).
     *
     * @param throughput     events on's instances per second over the peer's
     * @param cpuPerInstance events on's CPU per instance over the peer's (below 1: Quorum costs less)
     */
    record PeerRatios(double throughput, double cpuPerInstance) {

        static <T> PeerRatios of(Map<Variant, T> byVariant, Variant peer, Function<T, Throughput> oneTask,
                                 ToDoubleFunction<T> oneTaskCpu) {
            T on = byVariant.get(Variant.QUORUM_EVENTS_ON);
            T other = byVariant.get(peer);
            if (on == null || other == null) {
                return null;
            }
            return new PeerRatios(Report.round(oneTask.apply(on).perSecond() / oneTask.apply(other).perSecond()),
                    Report.round(oneTaskCpu.applyAsDouble(on) / oneTaskCpu.applyAsDouble(other)));
        }
    }
}
