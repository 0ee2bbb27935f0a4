package org.quorum.events.internal;

import java.nio.charset.StandardCharsets;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.quorum.events.EventsProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the CloudEvents 1.0 envelope of an outbox row (the SDK's builder; validated by it). A row without data
 * (a state topic's tombstone) is an event without data: in binary mode, its {@code ce_*} headers and a null value,
 * which Kafka's compaction takes as the key's deletion.
 */
@Component
class CloudEventMapper {

    static final String TYPE_PREFIX = "quorum.";
    static final String TYPE_VERSION = ".v1";

    private final EventsProperties properties;

    CloudEventMapper(EventsProperties properties) {
        this.properties = properties;
    }

    CloudEvent toCloudEvent(OutboxRow row) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(row.eventId().toString())
                .withSource(properties.source())
                .withType(TYPE_PREFIX + row.type() + TYPE_VERSION)
                .withTime(row.occurredAt())
                .withExtension("sequence", row.sequence());
        if (row.data() != null) {
            builder.withDataContentType("application/json").withData(row.data().getBytes(StandardCharsets.UTF_8));
        }
        if (row.subject() != null) {
            builder.withSubject(row.subject());
        }
        extension(builder, "processdefinitionkey", row.processDefinitionKey());
        extension(builder, "processinstanceid", row.processInstanceId());
        extension(builder, "rootprocessinstanceid", row.rootProcessInstanceId());
        extension(builder, "businesskey", row.businessKey());
        extension(builder, "actingfor", row.actingFor());
        return builder.build();
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }
}
