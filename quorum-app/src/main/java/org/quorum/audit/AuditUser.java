package org.quorum.audit;

import java.util.List;

/** The authenticated user of an audit request (what the audit page shows as "signed in as"). */
public record AuditUser(String userId, List<String> groups) {
}
