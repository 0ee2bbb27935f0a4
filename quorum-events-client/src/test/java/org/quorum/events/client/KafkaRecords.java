package org.quorum.events.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** CloudEvents as Quorum writes them, and the Kafka records that carry them, for the kit's tests. */
final class KafkaRecords {

    static final String TOPIC = "quorum.process-events";

    private KafkaRecords() {
    }

    /** A {@code quorum.task.created.v1} event of instance {@code key} with the given id and sequence. */
    static CloudEvent taskCreated(String id, String key, long sequence) {
        return event("quorum.task.created.v1", id, key, sequence, "{\"actor\":\"officer\",\"taskId\":\"" + key + "-"
                + sequence + "\",\"taskName\":\"Check request\",\"taskDefinitionKey\":\"Task_CheckRequest\","
                + "\"activityInstanceId\":\"Task_CheckRequest:1\",\"assignee\":null,\"owner\":null,"
                + "\"priority\":50,\"dueDate\":null}");
    }

    /** An event of instance {@code key} as Quorum's relay builds it: its attributes, extensions and JSON data. */
    static CloudEvent event(String type, String id, String key, long sequence, String data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/quorum"))
                .withType(type)
                .withTime(OffsetDateTime.parse("2026-11-28T22:41:07.311Z"))
                .withSubject(key)
                .withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8))
                .withExtension("sequence", sequence)
                .withExtension("processdefinitionkey", "regional-endorsement")
                .withExtension("processinstanceid", key)
                .withExtension("rootprocessinstanceid", key)
                .build();
    }

    /** Headers and value of {@code event} in the given content mode, as Quorum's relay (binary) writes them. */
    static Map.Entry<Headers, byte[]> serialize(CloudEvent event, Encoding encoding) {
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, encoding,
                    CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
            Headers headers = new RecordHeaders();
            byte[] value = serializer.serialize(TOPIC, headers, event);
            return Map.entry(headers, value);
        }
    }

    static ConsumerRecord<String, byte[]> record(String key, long offset, CloudEvent event) {
        Map.Entry<Headers, byte[]> serialized = serialize(event, Encoding.BINARY);
        return new ConsumerRecord<>(TOPIC, 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0, key,
                serialized.getValue(), serialized.getKey(), Optional.empty());
    }
}
