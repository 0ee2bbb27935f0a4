package org.quorum.events.client;

import java.util.ArrayList;
import java.util.List;

/** Writes down every call, in order, for the tests to compare. */
class RecordingListener implements QuorumEventListener {

    final List<String> calls = new ArrayList<>();
    final List<QuorumEvent> events = new ArrayList<>();
    final List<Gap> gaps = new ArrayList<>();

    @Override
    public void onEvent(QuorumEvent event) {
        events.add(event);
        calls.add("event " + event.envelope().sequence());
    }

    @Override
    public void onGap(Gap gap) {
        gaps.add(gap);
        calls.add("gap " + gap.missing());
    }

    @Override
    public void onDropped(QuorumEvent event, Drop reason) {
        calls.add(reason + " " + event.envelope().sequence());
    }

    @Override
    public void onTombstone(String topic, String key) {
        calls.add("tombstone " + key);
    }
}
