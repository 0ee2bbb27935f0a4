package org.quorum.infrastructure.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process PostgreSQL and Kafka broker that start when no external ones are configured.
 *
 * @param dataDir  folder holding both services' data; kept across restarts
 * @param postgres embedded PostgreSQL
 * @param kafka    embedded single-node KRaft broker
 */
@ConfigurationProperties("quorum.embedded")
public record EmbeddedServicesProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Postgres postgres,
        @DefaultValue Kafka kafka) {

    /**
     * @param enabled start it when {@code spring.datasource.url} is not set
     * @param port    TCP port on 127.0.0.1; 0 picks a free one
     * @param fsync   keep PostgreSQL's durability settings (fsync, synchronous_commit); tests turn them off
     * @param shutdownWait how long a PostgreSQL left running by a killed earlier run gets for a fast shutdown
     *                     before it is shut down immediately
     */
    public record Postgres(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("54320") int port,
            @DefaultValue("true") boolean fsync,
            @DefaultValue("30s") Duration shutdownWait) {
    }

    /**
     * @param enabled        start it when {@code spring.kafka.bootstrap-servers} is not set
     * @param port           client listener on 127.0.0.1; 0 picks a free one
     * @param controllerPort KRaft controller listener on 127.0.0.1; 0 picks a free one
     */
    public record Kafka(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("9092") int port,
            @DefaultValue("9093") int controllerPort) {
    }
}
