package org.quorum.bench.driver;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What PostgreSQL ran with, as {@code show} reads it back; the names are PostgreSQL's own setting names. */
public record PostgresSettings(String fsync, @JsonProperty("synchronous_commit") String synchronousCommit) {
}
