package org.parley.interviews.api;

import java.util.UUID;

/** What the identity custodian gets back: the interviewee's name and contact. Sent once, never cached. */
public record Revealed(UUID interviewId, String name, String contact) {
    @Override
    public String toString() {
        return "Revealed[" + interviewId + "]";
    }
}
