package org.parley.cases.api;

/** Unintended consequences of a deal. */
public enum SideEffectKind {
    MORAL_HAZARD,
    CONTAGION,
    OTHER
}
