package org.parley.interviews.api;

/** The coding scheme of the research (the paper's analytical questions). */
public enum Theme {
    ENTITY_STRENGTH,
    GROUP_STRUCTURE,
    PRECEDENTS,
    MOTIVATIONS,
    TRUST_AND_INCENTIVES,
    REDLINES,
    RISKS,
    SPOILERS,
    VICTIMS,
    INTERNATIONAL_ACTORS,
    COMMUNICATION_AND_SECRECY,
    OUTCOMES,
    MORAL_HAZARD_AND_CONTAGION
}
