package org.parley.access.api;

/**
 * A case's secrecy tier as the access service shows and takes it, from strictest to most open. The rules that
 * follow from a tier live in the policy library, whose own enum has the same names; this one is only the wire value.
 */
public enum Tier {
    SECRET,
    RESULTS_PUBLIC,
    PUBLICLY_KNOWN
}
