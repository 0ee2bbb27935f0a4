package org.quorum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Throughput of the variants against each other, for each model; only when every variant ran. */
record Ratios(ModelRatios oneTask, ModelRatios regionalEndorsement) {

    /** Of the variants' medians. */
    static Ratios ofMedians(Map<Variant, VariantResult> variants) {
        return of(variants, VariantResult::oneTask, VariantResult::regionalEndorsement);
    }

    /** Each round's ratios: its variants ran back to back, so they saw much the same machine. */
    static List<PerRound> perRound(Map<Variant, VariantResult> variants, int rounds) {
        List<PerRound> perRound = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            int round = r;
            perRound.add(new PerRound(of(Variant.each(variants, variant -> variant.rounds().get(round)),
                    RoundResult::oneTask, RoundResult::regionalEndorsement), round + 1));
        }
        return perRound;
    }

    private static <T> Ratios of(Map<Variant, T> byVariant, Function<T, Officers.Throughput> oneTask,
                                 Function<T, Officers.Throughput> regionalEndorsement) {
        return new Ratios(ModelRatios.of(Variant.each(byVariant, oneTask)),
                ModelRatios.of(Variant.each(byVariant, regionalEndorsement)));
    }

    record PerRound(@JsonUnwrapped Ratios ratios, int round) {
    }

    /** Rounded to two decimals. */
    record ModelRatios(double eventsOnOverEventsOff, double eventsOnOverCamundaDefaults,
                       double eventsOffOverCamundaDefaults) {

        static ModelRatios of(Map<Variant, Officers.Throughput> figures) {
            double defaults = figures.get(Variant.CAMUNDA_DEFAULTS).perSecond();
            double off = figures.get(Variant.QUORUM_EVENTS_OFF).perSecond();
            double on = figures.get(Variant.QUORUM_EVENTS_ON).perSecond();
            return new ModelRatios(Report.round(on / off), Report.round(on / defaults), Report.round(off / defaults));
        }
    }
}
