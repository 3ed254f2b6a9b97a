package org.parley.cases.api;

/** A third party's role in the talks. */
public enum MediatorRole {
    MEDIATOR,
    GUARANTOR,
    FACILITATOR,
    OBSERVER
}
