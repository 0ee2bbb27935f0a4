package org.quorum.infrastructure.web;

/**
 * An exception whose message is written for the caller and may be shown as it is. Every other exception's
 * message is the engine's or a library's, which may name resources or internals the caller need not learn.
 */
public interface CallerFacing {
}
