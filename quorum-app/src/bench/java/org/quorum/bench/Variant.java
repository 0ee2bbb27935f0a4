package org.quorum.bench;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The configurations compared side by side. Quorum's three run the same application on the same embedded
 * PostgreSQL and broker, so that what differs is only the engine's settings and the events. The two peers are
 * the engines a user would run instead (issue 17): each its own bare Spring Boot application from
 * quorum-bench-peers, on the same embedded PostgreSQL settings, one-task model only. Every variant's round runs
 * in a JVM of its own.
 */
enum Variant {

    /**
     * Camunda 7.24's Spring Boot starter with its own defaults: no Quorum events, and every engine or pool
     * setting Quorum tunes put back to the starter's (and Spring Boot's) default value. History level
     * {@code full} is the starter's default too ({@code camunda.bpm.history-level}), so it stays.
     */
    CAMUNDA_DEFAULTS("Camunda 7.24 defaults, no events", List.of(
            "quorum.events.enabled=false",
            "spring.datasource.hikari.maximum-pool-size=10",
            "camunda.bpm.eventing.execution=true",
            "camunda.bpm.eventing.task=true")),

    /** Quorum as shipped, with {@code quorum.events.enabled=false}. */
    QUORUM_EVENTS_OFF("Quorum, events off", List.of("quorum.events.enabled=false")),

    /** Quorum as shipped: every transition written to the outbox and relayed to Kafka. */
    QUORUM_EVENTS_ON("Quorum, events on", List.of()),

    /** The bare Camunda 7.24 Spring Boot starter, nothing of Quorum, history level full. */
    BARE_CAMUNDA("bare Camunda 7.24 starter", "camunda"),

    /** The bare Flowable 7.1 Spring Boot starter, history level full. */
    BARE_FLOWABLE("bare Flowable 7.1 starter", "flowable");

    private final String label;
    private final List<String> properties;
    private final String peer;

    Variant(String label, List<String> properties) {
        this.label = label;
        this.properties = properties;
        this.peer = null;
    }

    Variant(String label, String peer) {
        this.label = label;
        this.properties = List.of();
        this.peer = peer;
    }

    /** Quorum itself, as opposed to a peer engine. */
    boolean quorum() {
        return peer == null;
    }

    /** A peer's executable jar, built by quorum-bench-peers/&lt;peer&gt;. */
    Path peerJar(Path peersFolder) {
        return peersFolder.resolve(peer).resolve("target").resolve("bench-peer-" + peer + ".jar");
    }

    String label() {
        return label;
    }

    List<String> properties() {
        return properties;
    }

    /** One figure of each variant's, in the enum's order. */
    static <T, R> Map<Variant, R> each(Map<Variant, T> byVariant, Function<T, R> figure) {
        Map<Variant, R> figures = new EnumMap<>(Variant.class);
        byVariant.forEach((variant, value) -> figures.put(variant, figure.apply(value)));
        return figures;
    }
}
