package org.quorum.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the nodes acknowledged to the officers (a 201 for a start, a 204 for a completion), and in which phase
 * of the run: the phase is the fault most recently injected when the answer came.
 */
final class Ledger {

    enum Kind { START, COMPLETION }

    record Ack(Kind kind, String id, String node, int phase) {
    }

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final List<String> phases = new ArrayList<>(List.of("no fault"));
    private volatile int phase;

    void acknowledged(Kind kind, String id, String node) {
        acks.add(new Ack(kind, id, node, phase));
    }

    synchronized int enter(String phaseName) {
        phases.add(phaseName);
        phase = phases.size() - 1;
        return phase;
    }

    int phase() {
        return phase;
    }

    synchronized List<String> phases() {
        return List.copyOf(phases);
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }
}
