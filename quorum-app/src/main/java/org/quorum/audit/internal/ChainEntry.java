package org.quorum.audit.internal;

/** One audit entry of a process instance: which kind of history fact, and the id of the history row. */
record ChainEntry(String processInstanceId, EntryKind kind, String key) {
}
