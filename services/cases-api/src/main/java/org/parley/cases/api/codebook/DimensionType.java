package org.parley.cases.api.codebook;

/** What a dimension holds. */
public enum DimensionType {
    /** One of the dimension's values. */
    ONE,
    /** Any number of the dimension's values ({@code []} coded as none, {@code null} uncoded). */
    SEVERAL,
    /** A number or a low–high range, in the dimension's unit, between its min and max. */
    NUMBER_OR_RANGE,
    /** A date only as precise as its source: a year, a month or a day. */
    DATE,
    /** Free text, at most maxLength characters. */
    TEXT,
    /** Yes or no. */
    BOOLEAN
}
