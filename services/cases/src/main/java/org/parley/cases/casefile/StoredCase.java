package org.parley.cases.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.parley.policy.Section;

/**
 * A case row as read for a view. A section the viewer may not see is null here: lists mask it in the
 * SQL, so its text never leaves the database. {@code externalReference} is a bulk import's reference, null when
 * none (or not read: lists do not show it).
 */
public record StoredCase(
        UUID id,
        long version,
        long headerEdits,
        long contextEdits,
        long processEdits,
        long resultsEdits,
        String title,
        String country,
        String region,
        String status,
        LocalDate periodStart,
        LocalDate periodEnd,
        String context,
        String process,
        String timeline,
        String results,
        String externalReference) {

    /**
     * The version a viewer who sees these sections is shown: 1 + the edits of those sections. For a member,
     * who sees them all, it is the case's version, the one If-Match is compared with.
     */
    public long versionSeenWith(java.util.Set<org.parley.policy.Section> sections) {
        long seen = 1;
        seen += sections.contains(org.parley.policy.Section.HEADER) ? headerEdits : 0;
        seen += sections.contains(org.parley.policy.Section.CONTEXT) ? contextEdits : 0;
        seen += sections.contains(org.parley.policy.Section.PROCESS) ? processEdits : 0;
        seen += sections.contains(org.parley.policy.Section.RESULTS) ? resultsEdits : 0;
        return seen;
    }

    public static StoredCase of(CaseFile file) {
        return new StoredCase(
                file.id,
                file.version,
                file.headerEdits,
                file.contextEdits,
                file.processEdits,
                file.resultsEdits,
                file.title,
                file.country,
                file.region,
                file.status,
                file.periodStart,
                file.periodEnd,
                file.context,
                file.process,
                file.timeline,
                file.results,
                file.externalReference);
    }

    /**
     * The same case without its external reference: an importer's bookkeeping, not for the public register (nor a
     * PUBLICLY_KNOWN export, which is the register).
     */
    public StoredCase withoutExternalReference() {
        return new StoredCase(
                id,
                version,
                headerEdits,
                contextEdits,
                processEdits,
                resultsEdits,
                title,
                country,
                region,
                status,
                periodStart,
                periodEnd,
                context,
                process,
                timeline,
                results,
                null);
    }

    /** The stored coded sections (JSON text) among these: what a reader of them may find citations in. */
    public List<String> codedSections(Set<Section> sections) {
        List<String> stored = new ArrayList<>();
        if (sections.contains(Section.CONTEXT)) {
            stored.add(context);
        }
        if (sections.contains(Section.PROCESS)) {
            stored.add(process);
        }
        if (sections.contains(Section.RESULTS)) {
            stored.add(results);
        }
        return stored;
    }
}
