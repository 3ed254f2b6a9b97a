package org.parley.interviews.api;

import java.time.Instant;
import java.util.List;

/**
 * One version of an interview: who made it (the token's subject and organisation), when, and the names of the
 * fields that changed, as {@code PATCH /interviews/{id}} names them (pseudonym, descriptor, category, date, country,
 * interviewers, mode, language, linkedCases, consent, themes, researchQuestions, notes, transcript, quotes). Version
 * 1 is the recording: no field names. Never a value, old or new.
 */
public record InterviewVersion(
        long version, String actorSubject, String actorOrganisation, Instant at, List<String> changedFields) {}
