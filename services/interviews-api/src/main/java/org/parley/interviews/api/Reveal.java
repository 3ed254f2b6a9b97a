package org.parley.interviews.api;

import java.time.Instant;
import java.util.UUID;

/** One read of the vault: who (an account id), when and why. No identity. */
public record Reveal(UUID revealId, String custodianSubject, Instant revealedAt, String reason) {
    @Override
    public String toString() {
        return "Reveal[" + revealId + "]";
    }
}
