package org.quorum.audit;

import java.time.Instant;

/** One process instance in the audit list. {@code state} is {@code active}, {@code completed} or {@code cancelled}. */
public record InstanceSummary(String id, String processDefinitionKey, String processDefinitionName,
                              Integer processDefinitionVersion, String businessKey, String state,
                              Instant startedAt, Instant endedAt, String startedBy) {
}
