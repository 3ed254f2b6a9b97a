package org.parley.cases.content;

/** How far the negotiation's objectives reach. */
public enum ObjectiveScope {
    LIMITED,
    BROAD,
    TRANSFORMATIONAL
}
