package org.quorum.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.junit.jupiter.api.Test;

class EndorsementRulesTest {

    private static final BpmnModelInstance MODEL = Bpmn.readModelFromStream(
            EndorsementRulesTest.class.getResourceAsStream("/bpmn/regional-endorsement.bpmn"));

    @Test
    void requesterHasUntilTheEndOfTheThirtiethDay() {
        assertThat(ResubmissionDeadline.after(Instant.parse("2017-05-16T15:30:00Z")))
                .isEqualTo(Instant.parse("2017-06-15T23:59:59Z"));
    }

    @Test
    void eachPathToTheOutcomeSetsItsOutcomeOnItsLastEvent() {
        Map<String, String> outcomeByLastEvent = new HashMap<>();
        for (SequenceFlow path : MODEL.<FlowNode>getModelElementById("Gateway_OutcomeMerge").getIncoming()) {
            outcomeByLastEvent.put(path.getSource().getId(), outcomeSetBy(path.getSource().getId()));
        }
        assertThat(outcomeByLastEvent).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Event_RequestRecognised", "RECOGNISED",
                "Event_RecognitionRefused", "RECOGNITION_REFUSED",
                "Event_RequestDeclined", "DECLINED",
                "Event_RequestIneligible", "INELIGIBLE",
                "Event_RequestWithdrawn", "WITHDRAWN"));
    }

    @Test
    void everyOutcomeIsReachedByExactlyOnePath() {
        assertThat(Stream.of("Event_RequestRecognised", "Event_RecognitionRefused", "Event_RequestDeclined",
                "Event_RequestIneligible", "Event_RequestWithdrawn").map(EndorsementRulesTest::outcomeSetBy)
                .map(EndorsementOutcome::valueOf)).containsExactlyInAnyOrder(EndorsementOutcome.values());
    }

    @Test
    void deferredRequestHasNoOutcomeYet() {
        assertThat(outcomeSetBy("Event_RequestDeferred")).isNull();
    }

    @Test
    void noticeNamesTheAdministrationAndTheFacility() {
        assertThat(EndorsementOutcome.DECLINED.noticeTo("Canada", "REGIONAL_DOG_TRAINING_CENTRE")).isEqualTo(
                "Canada: the delegates of the regional conference declined the request for a regional dog training "
                        + "centre.");
    }

    /** The value the element's output mapping gives the outcome variable; null when it sets none. */
    private static String outcomeSetBy(String elementId) {
        BaseElement element = MODEL.getModelElementById(elementId);
        if (element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
                .stream().flatMap(io -> io.getCamundaOutputParameters().stream())
                .filter(parameter -> parameter.getCamundaName().equals(EndorsementVariables.OUTCOME))
                .map(CamundaOutputParameter::getTextContent).findFirst().orElse(null);
    }
}
