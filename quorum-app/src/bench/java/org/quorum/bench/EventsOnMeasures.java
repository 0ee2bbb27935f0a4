package org.quorum.bench;

import static org.quorum.bench.Report.fmt;

import java.nio.file.Path;

import org.quorum.events.EventsProperties;
import org.quorum.infrastructure.embedded.EmbeddedKafkaBroker;

/**
 * With events on, after the throughput rounds: memory at steady state, commit-to-consume latency at half the
 * measured maximum, and the outbox drain after a broker outage, all on one freshly started application.
 *
 * @param work the run's folder under target/bench-data; each application gets a data folder in it
 */
record EventsOnMeasures(Settings settings, Path work) {

    /** @param maximumPerSecond the events-on variant's median one-task throughput */
    Result measure(double maximumPerSecond) throws Exception {
        Progress.log("Events on: memory, commit-to-consume latency and outbox drain");
        EmbeddedKafkaBroker restartedBroker = null;
        try (BenchApplication app = BenchApplication.start(work, Variant.QUORUM_EVENTS_ON, settings)) {
            // The caches of a fresh start are cold: one warm-up's worth of instances first.
            new Officers(app.engine(), settings.officers()).drive(Model.ONE_TASK, "steady", settings.warmup());
            app.awaitRelay();
            Machine.Memory memory = Machine.memory();
            EmbeddedKafkaBroker broker = app.bean(EmbeddedKafkaBroker.class);
            CommitToConsumeLatency.Result latency = latency(app, broker, maximumPerSecond / 2);

            Progress.log("  Outbox drain: stopping the broker, writing " + settings.backlog() + " events");
            OutboxDrain.Result drain = new OutboxDrain(app.engine(), app.jdbc(), broker, settings.officers())
                    .measure(settings.backlog());
            restartedBroker = drain.restarted();
            Progress.log("  -> " + drain.backlog() + " events in " + fmt(drain.drainSeconds()) + " s = "
                    + fmt(drain.eventsPerSecond()) + " events/s");
            return new Result(memory, latency, drain);
        } finally {
            if (restartedBroker != null) {
                restartedBroker.close();
            }
        }
    }

    private CommitToConsumeLatency.Result latency(BenchApplication app, EmbeddedKafkaBroker broker, double rate)
            throws Exception {
        Progress.log("  Commit-to-consume latency at " + fmt(rate) + " instances/s for "
                + settings.latencySeconds() + " s");
        String topic = app.bean(EventsProperties.class).topics().process();
        CommitToConsumeLatency.Result latency = new CommitToConsumeLatency(app.engine(), broker.bootstrapServers(),
                topic, settings.officers()).measure(rate, settings.latencySeconds());
        Progress.log("  -> " + latency.latency() + "; commit to send " + latency.commitToSend()
                + "; send to receipt " + latency.sendToReceive());
        latency.slowest().forEach(sample -> Progress.log("     " + sample));
        return latency;
    }

    record Result(Machine.Memory memory, CommitToConsumeLatency.Result latency, OutboxDrain.Result drain) {
    }
}
