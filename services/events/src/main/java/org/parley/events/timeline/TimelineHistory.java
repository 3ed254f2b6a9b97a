package org.parley.events.timeline;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.policy.CaseHistory.GrantPeriod;
import org.parley.policy.CaseHistory.Standing;
import org.parley.policy.Tier;

/**
 * The inputs of {@link org.parley.policy.CaseHistory#window} read off a case's own timeline rows (in the
 * order they happened): its tier and release history, and every grant's life. Whatever cannot be read
 * counts as SECRET, the strictest answer.
 */
final class TimelineHistory {

    /** The detail of a grant's issue naming the grant it replaced, which ends at that instant. */
    static final String REPLACES = "replacesGrantId";

    private TimelineHistory() {}

    static List<Standing> standings(List<StoredEntry> entries) {
        List<Standing> standings = new ArrayList<>();
        Tier tier = Tier.SECRET;
        boolean released = false;
        for (StoredEntry entry : entries) {
            switch (entry.kind()) {
                case CASE_OPENED -> tier = tierOf(entry.detail("tier"));
                case TIER_CHANGED -> tier = tierOf(entry.detail("to"));
                case RESULTS_RELEASE_CHANGED -> released = Boolean.parseBoolean(entry.detail("released"));
                default -> {
                    continue;
                }
            }
            standings.add(new Standing(entry.occurredAt(), tier, released));
        }
        return standings;
    }

    static List<GrantPeriod> grants(List<StoredEntry> entries) {
        Map<String, GrantPeriod> byId = new LinkedHashMap<>();
        for (StoredEntry entry : entries) {
            String grantId = entry.detail("grantId");
            if (grantId == null || entry.grantOrganisation() == null) {
                continue;
            }
            switch (entry.kind()) {
                case GRANT_ISSUED -> {
                    String replaced = entry.detail(REPLACES);
                    if (replaced != null) {
                        byId.computeIfPresent(replaced, (id, grant) -> endedAt(grant, entry.occurredAt()));
                    }
                    byId.put(
                            grantId,
                            new GrantPeriod(
                                    entry.grantOrganisation(),
                                    entry.occurredAt(),
                                    instantOf(entry.detail("expiresAt"))));
                }
                case GRANT_REVOKED, GRANT_EXPIRED ->
                    byId.computeIfPresent(grantId, (id, grant) -> endedAt(grant, entry.occurredAt()));
                default -> {
                    // not about a grant
                }
            }
        }
        return List.copyOf(byId.values());
    }

    private static GrantPeriod endedAt(GrantPeriod grant, Instant at) {
        return new GrantPeriod(grant.organisation(), grant.issuedAt(), earlier(grant.endsAt(), at));
    }

    private static Tier tierOf(String name) {
        if (name != null) {
            for (Tier tier : Tier.values()) {
                if (tier.name().equals(name)) {
                    return tier;
                }
            }
        }
        return Tier.SECRET;
    }

    /** An expiry that cannot be read counts as already over (no visibility from it). */
    private static Instant instantOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
