package org.quorum.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.quorum.audit.internal.ChainVerifier;
import org.quorum.audit.internal.InstanceSearch;
import org.quorum.audit.internal.SearchCriteria;
import org.quorum.audit.internal.TimelineBuilder;
import org.quorum.audit.internal.TimelineCsv;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit API for process owners: which instances ran, what happened in each, in order, and whether its
 * history is still what it was. Access is decided before this controller (see {@code AuditAccessFilter}).
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final InstanceSearch search;
    private final TimelineBuilder timelines;
    private final ChainVerifier verifier;
    private final RepositoryService repository;

    AuditController(InstanceSearch search, TimelineBuilder timelines, ChainVerifier verifier,
                    RepositoryService repository) {
        this.search = search;
        this.timelines = timelines;
        this.verifier = verifier;
        this.repository = repository;
    }

    @GetMapping("/me")
    AuditUser me(HttpServletRequest request) {
        return (AuditUser) request.getAttribute(AuditUser.class.getName());
    }

    /** Parameters arrive as text so that a malformed one is refused with a message naming it. */
    @GetMapping("/process-instances")
    InstancePage instances(@RequestParam(required = false) String processKey,
                           @RequestParam(required = false) String businessKey,
                           @RequestParam(required = false) String state,
                           @RequestParam(required = false) String startedAfter,
                           @RequestParam(required = false) String startedBefore,
                           @RequestParam(required = false) String actor,
                           @RequestParam(required = false) String page,
                           @RequestParam(required = false) String size) {
        return search.search(SearchCriteria.of(processKey, businessKey, state, startedAfter, startedBefore, actor,
                page, size));
    }

    @GetMapping("/process-instances/{id}")
    Timeline timeline(@PathVariable String id) {
        return timelines.build(id);
    }

    @GetMapping("/process-instances/{id}/timeline.json")
    ResponseEntity<Timeline> timelineJson(@PathVariable String id) {
        Timeline timeline = timelines.build(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(timeline, "json")).body(timeline);
    }

    @GetMapping("/process-instances/{id}/timeline.csv")
    ResponseEntity<String> timelineCsv(@PathVariable String id) {
        Timeline timeline = timelines.build(id);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(timeline, "csv")).body(TimelineCsv.of(timeline));
    }

    /** The BPMN XML of the version the instance ran, for the page's diagram. */
    @GetMapping("/process-instances/{id}/diagram")
    ResponseEntity<byte[]> diagram(@PathVariable String id) throws IOException {
        HistoricProcessInstance instance = timelines.instance(id);
        try (InputStream model = repository.getProcessModel(instance.getProcessDefinitionId())) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(model.readAllBytes());
        }
    }

    /** Also answers for an instance whose history is gone while its chain is kept: that removal shows here. */
    @GetMapping("/process-instances/{id}/verify")
    ChainVerification verify(@PathVariable String id) {
        if (timelines.find(id).isPresent()) {
            return verifier.verify(id);
        }
        return verifier.historyRemoved(id).orElseThrow(() -> new InstanceNotFound(id));
    }

    private static String attachment(Timeline timeline, String extension) {
        String name = "audit-" + timeline.instance().processDefinitionKey() + "-" + timeline.instance().id() + "."
                + extension;
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
