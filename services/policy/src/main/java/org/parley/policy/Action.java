package org.parley.policy;

/** Things a viewer may try to do to a case, besides reading it. */
public enum Action {
    /** Change a section's content (HEADER apart from the tier, CONTEXT, PROCESS, RESULTS) or add a timeline entry. */
    EDIT_SECTION,
    /**
     * Change the role of someone already on the team, or take someone off it (a tightening): the lead or a
     * secrecy admin of the owning organisation. Putting someone new on the team is {@link #ADD_TEAM_MEMBER}.
     */
    MANAGE_TEAM,
    /**
     * Put someone who is not on the team onto it at once: the lead only. It is a loosening for that person
     * (section 5), so a secrecy admin who is not the lead may only ask for it ({@link
     * #REQUEST_SECRECY_CHANGE}) and a second admin approves; see {@link SecrecyRules#teamAddition}.
     */
    ADD_TEAM_MEMBER,
    /** Soft-delete the case. */
    DELETE,
    /** Ask for a secrecy change (tier, release, grant) that a second admin must approve. */
    REQUEST_SECRECY_CHANGE,
    /** Approve or reject someone else's request. */
    APPROVE_SECRECY_CHANGE,
    /** Make a tightening change (stricter tier, revoke, un-release), effective at once. */
    TIGHTEN_SECRECY,
    /** Issue a SUMMARY or RESULTS grant directly; wider scopes go through a request. */
    ISSUE_GRANT,
    /** Read the ledger entries of the case. */
    READ_LEDGER,
    /** Link an interview to the case. */
    LINK_INTERVIEW,
    /** Approve an interview excerpt for sharing with partners. */
    APPROVE_EXCERPT
}
