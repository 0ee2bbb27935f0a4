package org.quorum.events.client;

/** An event of a known type whose data does not fit the kit's record: the producer broke the contract. */
public final class UnreadableEventException extends RuntimeException {

    UnreadableEventException(Envelope envelope, Class<?> record, String reason) {
        super("Event " + envelope.id() + " of type " + envelope.type() + " does not read into "
                + record.getSimpleName() + ": " + reason);
    }
}
