package org.parley.policy;

import java.time.Instant;
import java.util.Collection;

/**
 * What a viewer may read of one interview (docs/secrecy-model.md §4). The strictest linked case
 * governs: the viewer must be allowed on every linked case.
 */
public enum InterviewAccess {
    /** Nothing: the interview does not exist for this viewer. */
    NONE,
    /** Approved excerpts only, attributed as the consent allows. */
    EXCERPTS,
    /** Notes, transcript and quotes (never the identity: that is the custodian's, through the vault). */
    CONTENT;

    /**
     * The relationship that reads an interview's content on one linked case; also the SQL of {@link
     * SecrecySql#interviewContentVisible}.
     */
    static final Relationship READS_CONTENT = Relationship.MEMBER;

    public static InterviewAccess decide(Viewer viewer, Collection<CasePolicy> linkedCases, Instant now) {
        if (linkedCases.isEmpty() || viewer.isAnonymous()) {
            return NONE;
        }
        InterviewAccess weakest = CONTENT;
        for (CasePolicy policy : linkedCases) {
            InterviewAccess onThisCase = onOneCase(viewer, policy, now);
            if (onThisCase.ordinal() < weakest.ordinal()) {
                weakest = onThisCase;
            }
        }
        return weakest;
    }

    /**
     * Derived from the case decision, so that interview access and section visibility never disagree: the
     * relationship is the first that applies, so a secrecy admin of the owning organisation gets no excerpts
     * even when that organisation itself holds an EXCERPTS grant ("no PROCESS, no interviews").
     */
    private static InterviewAccess onOneCase(Viewer viewer, CasePolicy policy, Instant now) {
        Decision decision = SecrecyRules.decide(viewer, policy, now);
        if (decision.relationship() == READS_CONTENT) {
            return CONTENT;
        }
        return decision.excerpts() ? EXCERPTS : NONE;
    }

    /**
     * Whether this access shows one excerpt of the interview: a content reader sees every excerpt, proposed or
     * approved; a partner only an approved one whose interviewee's consent lets it be shared.
     */
    public boolean showsExcerpt(boolean approved, boolean consentAllowsSharing) {
        return this == CONTENT || (this == EXCERPTS && approved && consentAllowsSharing);
    }

    /** Only the identity custodian reads the vault, and only through its one audited endpoint. */
    public static boolean mayRevealIdentity(Viewer viewer) {
        return viewer.has(Role.IDENTITY_CUSTODIAN);
    }
}
