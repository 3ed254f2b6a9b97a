package org.parley.cases.api;

/** How far the negotiation's objectives reach. */
public enum ObjectiveScope {
    LIMITED,
    BROAD,
    TRANSFORMATIONAL
}
