package org.parley.cases.content;

/** Whether a group's leadership controls its members. */
public enum InternalControl {
    COHESIVE,
    FRAGMENTED
}
