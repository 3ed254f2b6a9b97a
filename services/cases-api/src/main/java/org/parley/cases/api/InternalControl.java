package org.parley.cases.api;

/**
 * How far a group's leadership controls its members, a scale from centralised to fragmented. The codes of the
 * codebook's {@code context.groups.internalControl}, in its order (CodebookAgreementTest).
 */
public enum InternalControl {
    CENTRALISED,
    COHESIVE,
    DECENTRALISED,
    FRAGMENTED
}
