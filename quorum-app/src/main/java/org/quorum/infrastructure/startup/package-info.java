/**
 * Startup problems every module may report: a clear message and what to do instead of a stack trace.
 */
@NamedInterface("startup")
package org.quorum.infrastructure.startup;

import org.springframework.modulith.NamedInterface;
