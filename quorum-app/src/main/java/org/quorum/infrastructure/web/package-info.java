/**
 * What every module's HTTP API shares: the current user, constraints on input, the wording of refusals.
 */
@NamedInterface("web")
package org.quorum.infrastructure.web;

import org.springframework.modulith.NamedInterface;
