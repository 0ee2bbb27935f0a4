package org.quorum.events.client;

/** Camunda's delegation state of a task; null in the data when the task is not delegated. */
public enum DelegationState {
    PENDING,
    RESOLVED
}
