package org.parley.interviews.api;

/** What the interviewee agreed to, as answered. Quoting to partners needs both {@code mayQuote} and {@code mayShareWithPartners}. */
public record Consent(Boolean mayQuote, Attribution attribution, Boolean mayShareWithPartners) {}
