package org.parley.cases.api;

/** Whether a group's leadership controls its members. */
public enum InternalControl {
    COHESIVE,
    FRAGMENTED
}
