/**
 * Adapters to Camunda that every module may use: the engine's clock, paged queries, process starts, BPMN extension properties.
 */
@NamedInterface("camunda")
package org.quorum.infrastructure.camunda;

import org.springframework.modulith.NamedInterface;
