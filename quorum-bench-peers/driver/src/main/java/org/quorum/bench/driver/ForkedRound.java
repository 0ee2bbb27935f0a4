package org.quorum.bench.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What one variant's JVM measured in one round, handed back to the benchmark as a JSON file.
 *
 * @param contextStartSeconds  from the start of the round to an application ready to drive: its PostgreSQL
 *                             and Spring context (and for Quorum its broker)
 * @param engine               the engine's settings as read back from it, by name
 * @param regionalEndorsement  Quorum's variants only (the model needs Quorum's delegates and DMN)
 * @param relayAfterThroughput how Quorum's relay caught up after the windows; events-on variant only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForkedRound(double contextStartSeconds, PostgresSettings postgres, Map<String, Object> engine,
                          Throughput oneTask, Throughput regionalEndorsement, RelayCatchUp relayAfterThroughput) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static ForkedRound read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ForkedRound.class);
    }
}
