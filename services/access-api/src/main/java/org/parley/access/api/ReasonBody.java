package org.parley.access.api;

/** The body of a request's approval (the reason optional) or rejection (the reason required). */
public record ReasonBody(String reason) {}
