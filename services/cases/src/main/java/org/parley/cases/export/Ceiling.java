package org.parley.cases.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.parley.policy.Tier;
import org.parley.policy.Viewer;

/**
 * A tier ceiling: the strictest tier whose content a file taken out of Parley (an export, a case dossier) may hold.
 * Content is marked by its case's tier. {@code SECRET}: everything the reader may see. {@code RESULTS_PUBLIC}: the
 * same, but no case whose tier is SECRET. {@code PUBLICLY_KNOWN}: exactly what the public register shows, whoever
 * asks, so it is read as the anonymous reader.
 */
public record Ceiling(Tier tier) {

    /** The tiers a ceiling may be, by name, for the 400 that refuses any other. */
    public static final List<Tier> NAMES = List.of(Tier.values());

    /** The ceiling of this exact tier name; empty for anything else (null included). */
    public static Optional<Ceiling> of(String name) {
        return Arrays.stream(Tier.values())
                .filter(tier -> tier.name().equals(name))
                .findFirst()
                .map(Ceiling::new);
    }

    /** The tier's name, as the ledger and the watermarks write it. */
    public String name() {
        return tier.name();
    }

    /** Whom the content is read as: the anonymous reader (the public register) under PUBLICLY_KNOWN, else the reader. */
    public Viewer readAs(Viewer reader) {
        return tier == Tier.PUBLICLY_KNOWN ? Viewer.anonymous() : reader;
    }

    /**
     * The strictest case tier kept: RESULTS_PUBLIC leaves SECRET cases out; under PUBLICLY_KNOWN the anonymous reader
     * sees only what is public, so no tier need be left out on top of that.
     */
    public Tier strictestCase() {
        return tier == Tier.RESULTS_PUBLIC ? Tier.RESULTS_PUBLIC : Tier.SECRET;
    }

    /** Whether a case of this tier may be in the file at all (what {@link #strictestCase} keeps). */
    public boolean admits(Tier caseTier) {
        return !caseTier.isStricterThan(strictestCase());
    }
}
