package org.parley.policy;

import java.util.Set;

/**
 * What one viewer may see of one case. A viewer with no visible section may not know the case exists.
 *
 * @param excerpts whether the viewer may read interview excerpts approved for sharing
 */
public record Decision(Relationship relationship, Set<Section> sections, boolean excerpts) {

    /** {@code sections} is kept as given: pass an unmodifiable set, as {@link SecrecyRules} does. */
    public Decision {}

    public boolean knowsExists() {
        return !sections.isEmpty();
    }

    public boolean sees(Section section) {
        return sections.contains(section);
    }
}
