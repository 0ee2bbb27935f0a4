package org.quorum.events.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The records are written by hand, so this is what keeps them true to the published schemas: a schema change
 * without the matching record change fails here, naming the field.
 */
class RecordsMatchSchemasTest {

    static final Path SCHEMAS = Path.of("../docs/schemas");
    /** The state topic's schema joins docs/schemas with the state topic itself; until then it is not checked. */
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everySchemaHasARecordOfTheSameFieldsAndTypes() throws IOException {
        Map<String, List<String>> problems = new TreeMap<>();
        for (Path file : schemaFiles()) {
            String name = file.getFileName().toString();
            Class<?> record = recordFor(name);
            assertThat(record).as("a record for %s", name).isNotNull();
            List<String> found = SchemaRecordCheck.problems(json.readTree(file.toFile()), record);
            if (!found.isEmpty()) {
                problems.put(name, found);
            }
        }
        assertThat(problems).as("schemas whose record differs").isEmpty();
    }

    @Test
    void everyTypeTheKitKnowsHasASchema() throws IOException {
        Set<String> files = new TreeSet<>();
        schemaFiles().forEach(f -> files.add(f.getFileName().toString()));
        Set<String> expected = new TreeSet<>();
        EventTypes.KNOWN.keySet().forEach(type -> expected.add(schemaFileOf(type)));
        expected.add("decision.json");
        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theCheckNamesAFieldTheRecordLacksAndAWidenedType() throws IOException {
        JsonNode schema = json.readTree("""
                {"type":"object","required":["taskId","priority"],
                 "properties":{"taskId":{"type":"string"},"priority":{"type":["integer","null"]},"extra":{"type":"string"}}}
                """);
        record Narrow(String taskId, int priority) {
        }
        assertThat(SchemaRecordCheck.problems(schema, Narrow.class)).containsExactlyInAnyOrder(
                "Narrow.priority: nullable or optional integer is not int",
                "Narrow.extra: in the schema, not in the record");
    }

    static List<Path> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Class<?> recordFor(String schemaFile) {
        if (schemaFile.equals("decision.json")) {
            return EventTypes.DECISION.dataClass();
        }
        EventTypes.Type<?> type = EventTypes.KNOWN.get("quorum." + schemaFile.replace(".json", "") + ".v1");
        return type == null ? null : type.dataClass();
    }

    private static String schemaFileOf(String type) {
        return type.substring("quorum.".length(), type.length() - ".v1".length()) + ".json";
    }
}
