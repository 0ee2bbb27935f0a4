/**
 * Helpers for the SQL that every module writes through Spring's JdbcTemplate.
 */
@NamedInterface("jdbc")
package org.quorum.infrastructure.jdbc;

import org.springframework.modulith.NamedInterface;
