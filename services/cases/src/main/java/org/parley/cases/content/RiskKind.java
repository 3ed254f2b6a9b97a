package org.parley.cases.content;

/** Kinds of risk the paper names. */
public enum RiskKind {
    PHYSICAL,
    LEGAL,
    UNITY,
    SPOILERS,
    POLARISATION,
    INTERNATIONAL
}
