package org.parley.interviews.api;

/** What kind of person was interviewed; safe to show where the consent allows category attribution. */
public enum IntervieweeCategory {
    GOVERNMENT_OFFICIAL,
    NEGOTIATOR,
    DIPLOMAT,
    CLERGY,
    NGO_STAFF,
    EXPERT,
    COMMUNITY_MEMBER,
    OTHER
}
