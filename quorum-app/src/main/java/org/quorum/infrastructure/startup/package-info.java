/**
 * Startup problems every module may report: a clear message and what to do instead of a stack trace; among them a
 * port an embedded service needs that is already taken, named with its setting.
 */
@NamedInterface("startup")
package org.quorum.infrastructure.startup;

import org.springframework.modulith.NamedInterface;
