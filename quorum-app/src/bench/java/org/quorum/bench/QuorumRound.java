package org.quorum.bench;

import org.quorum.bench.driver.ForkRequest;
import org.quorum.bench.driver.ForkedRound;
import org.quorum.bench.driver.RelayCatchUp;
import org.quorum.bench.driver.Throughput;

/**
 * The main of a Quorum variant's own JVM ({@link ThroughputRounds} starts one per variant and round, as it
 * starts the peers' applications): the application on the variant's data folder, the one-task and endorsement
 * windows with their CPU (this JVM and its PostgreSQL; the broker's process apart), and for events on the relay's
 * catch-up.
 */
final class QuorumRound {

    private QuorumRound() {
    }

    public static void main(String[] args) throws Exception {
        ForkRequest request = ForkRequest.parse(args);
        Variant variant = Variant.valueOf(request.variant());
        int round = request.round();
        long starting = System.nanoTime();
        try (BenchApplication app = BenchApplication.start(request.dataDir(), variant, request.fsync(),
                request.appProperties())) {
            double startSeconds = Report.round((System.nanoTime() - starting) / 1e9);
            app.deployBenchModel();
            Officers officers = new Officers(app.engine(), request.officers(), app.cpu(request.brokerPid()));
            Throughput one = officers.measure(Model.ONE_TASK, "one-task-" + round, request.warmup(),
                    request.instances());
            Throughput endorsed = officers.measure(Model.ENDORSEMENT_DECLINED, "endorsement-" + round,
                    Math.max(1, request.warmup() / 3), request.endorsementInstances());
            RelayCatchUp relay = variant == Variant.QUORUM_EVENTS_ON ? app.awaitRelay() : null;
            new ForkedRound(startSeconds, app.postgres(), app.engineSettings(), one, endorsed, relay)
                    .write(request.result());
        }
        // The broker's and Camunda's threads need not all have ended; the figures are written.
        System.exit(0);
    }
}
