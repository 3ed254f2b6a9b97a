package org.parley.access.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A short reference to a user: the subject and, when access has seen them, the username. */
public record UserRef(String subject, String username) {

    /** The username when access knows it, else the subject. */
    @JsonIgnore
    public String name() {
        return username == null || username.isBlank() ? subject : username;
    }
}
