package org.quorum.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One run as bench/results/&lt;timestamp&gt;.json holds it.
 *
 * @param startup        absent when not asked for ({@code bench.startup=false})
 * @param variants       by the variant's name
 * @param ratios         of the medians; with ratiosPerRound, absent unless the variants of a ratio ran
 * @param history        the history stage; absent unless asked for ({@code bench.history=true})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BenchmarkResult(String startedAt, List<Double> loadAverageAtStart, Machine.Description machine,
                       Settings settings, StartupTime.Outcome startup, Map<Variant, VariantResult> variants,
                       Ratios ratios, List<Ratios.PerRound> ratiosPerRound, HistoryStage.Result history,
                       String finishedAt, List<Double> loadAverageAtEnd) {

    /** What the run began with. */
    record Start(Instant at, List<Double> loadAverage, Machine.Description machine, Settings settings) {

        static Start now(Settings settings) {
            return new Start(Instant.now(), Machine.loadAverage(), Machine.describe(), settings);
        }
    }

    /** The run ends now. */
    static BenchmarkResult finish(Start start, StartupTime.Outcome startup, Map<Variant, VariantResult> variants,
                                  HistoryStage.Result history) {
        return new BenchmarkResult(start.at().toString(), start.loadAverage(), start.machine(), start.settings(),
                startup, variants, Ratios.ofMedians(variants), Ratios.perRound(variants, start.settings().rounds()),
                history, Instant.now().toString(), Machine.loadAverage());
    }
}
