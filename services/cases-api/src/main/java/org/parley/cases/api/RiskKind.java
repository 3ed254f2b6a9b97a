package org.parley.cases.api;

/** Kinds of risk the paper names. */
public enum RiskKind {
    PHYSICAL,
    LEGAL,
    UNITY,
    SPOILERS,
    POLARISATION,
    INTERNATIONAL
}
