package org.parley.messaging;

/**
 * An event no consumer can apply. It goes to the dead-letter topic; its message travels as a header
 * there, so it must never carry content.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String reasonWithoutContent) {
        super(reasonWithoutContent, null, false, false);
    }
}
