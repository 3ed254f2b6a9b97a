package org.parley.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Who sees what of a case's history, its timeline (docs/secrecy-model.md §4 and the last bullet of
 * section 5). Pure functions, no clock of their own.
 *
 * <p><b>Where a reader's timeline starts.</b> A reader's timeline starts when the case became visible to
 * them, so a case that was SECRET and later became public shows the public no trace of its secret phase:
 *
 * <ul>
 *   <li>{@link Relationship#MEMBER} and the owner's {@link Relationship#SECRECY_ADMIN}: the whole history
 *       (they may know the case from its birth).
 *   <li>Everyone else ({@link Relationship#GRANTEE}, {@link Relationship#ORG_STAFF}, {@link
 *       Relationship#OTHER}, {@link Relationship#ANONYMOUS}): the case was visible to the reader at an
 *       instant when it was on the public register then (tier and release), or when the reader's
 *       organisation held a grant on it then (issued, not yet revoked, ended or expired; anonymous
 *       readers have no organisation). Their window opens where the current unbroken run of such instants
 *       began: an earlier visible period that was interrupted by a secret one stays closed too, since
 *       showing it would show where the secret gap lies.
 *   <li>The change that opened the window (the tier change to public, the release) describes the state
 *       before it, which the reader was not allowed to know: it stays out, and so does every entry dated
 *       earlier. Other entries dated at the opening instant, such as the reader's own grant being
 *       issued, are in.
 *   <li>When the history does not show the case visible to the reader now (it lags the projection, or
 *       misses an event), the window opens now: nothing of the past is shown until it catches up.
 * </ul>
 *
 * <p><b>Entries about an interview</b> appear only to readers who may know the interview exists: the
 * strictest of its linked cases governs ({@link InterviewAccess}), and a linked case this service does not
 * know (deleted, or never heard of) makes it visible to nobody, as in the interviews service.
 */
public final class CaseHistory {

    private CaseHistory() {}

    /** From this instant on, the case stood at this tier and release (until the next standing). */
    public record Standing(Instant since, Tier tier, boolean released) {
        public Standing {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(tier, "tier");
        }

        boolean isPublic() {
            return !SecrecyRules.publicSections(tier, released).isEmpty();
        }
    }

    /**
     * One grant's life on the case: issued to an organisation at an instant, over from {@code endsAt}
     * (revoked, expired or its expiry date, whichever came first; null while it runs).
     */
    public record GrantPeriod(
            String organisation, Instant issuedAt, @Nullable Instant endsAt) {
        public GrantPeriod {
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }

        boolean runsAt(Instant at) {
            return !at.isBefore(issuedAt) && (endsAt == null || at.isBefore(endsAt));
        }
    }

    /** The part of the history one reader may see; {@code opensAt} null means all of it. */
    public record Window(@Nullable Instant opensAt) {

        public static final Window WHOLE = new Window(null);

        /**
         * Whether an entry dated {@code at} is in the window. {@code standingChange} marks a change of tier
         * or release: at the very opening instant it is the change that made the case visible, and it says
         * what the case was before.
         */
        public boolean includes(Instant at, boolean standingChange) {
            if (opensAt == null) {
                return true;
            }
            int order = at.compareTo(opensAt);
            return order > 0 || (order == 0 && !standingChange);
        }
    }

    /**
     * Where the reader's timeline opens. {@code standings} is the case's tier and release history in the
     * order it happened (of two standings at one instant the later in the list holds; a case is born
     * SECRET and unreleased, so before the first standing it was that); {@code grants} every grant the case
     * ever had, to any organisation.
     */
    public static Window window(
            Relationship relationship,
            @Nullable String readerOrganisation,
            List<Standing> standings,
            List<GrantPeriod> grants,
            Instant now) {
        if (relationship == Relationship.MEMBER || relationship == Relationship.SECRECY_ADMIN) {
            return Window.WHOLE;
        }
        List<GrantPeriod> own = new ArrayList<>();
        if (relationship != Relationship.ANONYMOUS && readerOrganisation != null) {
            for (GrantPeriod grant : grants) {
                if (grant.organisation().equals(readerOrganisation)) {
                    own.add(grant);
                }
            }
        }
        // Visibility changes only at these instants; between two of them it is constant.
        TreeSet<Instant> changes = new TreeSet<>();
        standings.forEach(standing -> changes.add(standing.since()));
        for (GrantPeriod grant : own) {
            changes.add(grant.issuedAt());
            if (grant.endsAt() != null) {
                changes.add(grant.endsAt());
            }
        }
        changes.removeIf(at -> at.isAfter(now));
        if (!visibleAt(now, standings, own)) {
            return new Window(now);
        }
        Instant opensAt = null;
        for (Instant change : changes.descendingSet()) {
            Instant justBefore = change.minusNanos(1);
            if (!visibleAt(justBefore, standings, own)) {
                opensAt = change;
                break;
            }
        }
        // Visible at every change point back to the first: the case was visible to the reader at birth,
        // which never happens (cases are born SECRET) unless the history lacks its beginning.
        return opensAt == null ? new Window(changes.isEmpty() ? now : changes.first()) : new Window(opensAt);
    }

    private static boolean visibleAt(Instant at, List<Standing> standings, List<GrantPeriod> own) {
        return standingAt(at, standings).isPublic() || own.stream().anyMatch(grant -> grant.runsAt(at));
    }

    /** The last standing that began at or before the instant; SECRET and unreleased before the first. */
    private static Standing standingAt(Instant at, List<Standing> standings) {
        Standing current = null;
        for (Standing standing : standings) {
            if (!standing.since().isAfter(at)
                    && (current == null || !standing.since().isBefore(current.since()))) {
                current = standing;
            }
        }
        return current == null ? new Standing(at, Tier.SECRET, false) : current;
    }

    /**
     * Whether a timeline entry about a grant (issued, revoked, expired) may be shown to this reader: the
     * case's members and the owner's secrecy admins see every grant, since they manage them; anyone else who
     * knows the case exists sees only the grants to their own organisation, so a partner never learns who
     * else holds a grant. {@code grantOrganisation} is the organisation the grant names, null when unknown.
     */
    public static boolean showsGrant(Viewer viewer, Decision onThisCase, String grantOrganisation) {
        if (!onThisCase.knowsExists()) {
            return false;
        }
        Relationship relationship = onThisCase.relationship();
        if (relationship == Relationship.MEMBER || relationship == Relationship.SECRECY_ADMIN) {
            return true;
        }
        return grantOrganisation != null && viewer.belongsTo(grantOrganisation);
    }

    /**
     * Whether a timeline entry about an interview may be shown to this reader: the reader sees the case's
     * INTERVIEWS section, and may know the interview itself ({@link InterviewAccess#decide} is not NONE)
     * given every case it is linked to now. {@code policies} holds the policies this service knows; a
     * linked case without one (deleted, never heard of), or an interview whose links are unknown, shows
     * nothing.
     */
    public static boolean showsInterview(
            Viewer viewer,
            Decision onThisCase,
            @Nullable Collection<String> linkedCaseIds,
            Map<String, CasePolicy> policies,
            Instant now) {
        if (!onThisCase.sees(Section.INTERVIEWS) || linkedCaseIds == null || linkedCaseIds.isEmpty()) {
            return false;
        }
        List<CasePolicy> linked = new ArrayList<>();
        for (String caseId : linkedCaseIds) {
            CasePolicy policy = policies.get(caseId);
            if (policy == null) {
                return false;
            }
            linked.add(policy);
        }
        return InterviewAccess.decide(viewer, linked, now) != InterviewAccess.NONE;
    }
}
