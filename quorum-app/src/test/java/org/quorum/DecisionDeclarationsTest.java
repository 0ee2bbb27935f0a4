package org.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.quorum.support.RepositoryFiles;

/**
 * The decision events contract of bpmn/README.md: every {@code quorum.decision} comes with its data list, and a
 * decision type has one data shape wherever it is declared.
 */
class DecisionDeclarationsTest {

    @Test
    void eachDecisionTypeHasOneDataShapeAcrossAllModels() throws IOException {
        Map<String, String> dataByType = new HashMap<>();
        List<Path> models;
        try (Stream<Path> files = Files.list(RepositoryFiles.path("bpmn"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).hasSize(4);
        for (Path model : models) {
            BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
            for (FlowNode node : instance.getModelElementsByType(FlowNode.class)) {
                Map<String, String> properties = properties(node);
                String type = properties.get("quorum.decision");
                if (type == null) {
                    continue;
                }
                String data = properties.get("quorum.decision.data");
                assertThat(type).as("decision type of %s in %s", node.getId(), model).matches("[a-z]+(\\.[a-z-]+)+");
                assertThat(data).as("data of %s in %s", node.getId(), model).matches("\\w+(,\\w+)*");
                String earlier = dataByType.putIfAbsent(type, data);
                assertThat(earlier == null ? data : earlier).as("data of %s (%s in %s)", type, node.getId(), model)
                        .isEqualTo(data);
            }
        }
        assertThat(dataByType).containsKeys("request.endorsed", "request.declined", "request.deferred",
                "request.withdrawn", "request.recognised", "commission.recommended", "council.decided",
                "conference.outcomes-recorded", "report.published", "interim.started", "successor.elected",
                "interim.ended");
    }

    private static Map<String, String> properties(FlowNode node) {
        Map<String, String> properties = new HashMap<>();
        if (node.getExtensionElements() == null) {
            return properties;
        }
        for (CamundaProperties group : node.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : group.getCamundaProperties()) {
                properties.put(property.getCamundaName(), property.getCamundaValue());
            }
        }
        return properties;
    }
}
