package org.parley.access.directory;

/** A short reference to a user: the subject and, when access has seen them, the username. */
public record UserRef(String subject, String username) {}
