package org.parley.console.clients;

import java.util.List;

/** The interviews service's documents. Never the identity, except {@link Revealed} for the custodian. */
public final class Interviews {

    private Interviews() {}

    public record Page(List<Summary> items, long total, String nextCursor) {}

    public record Summary(
            String id,
            String pseudonym,
            String category,
            String date,
            String country,
            String mode,
            String language,
            List<String> themes,
            List<String> linkedCases) {}

    public record Interview(
            String id,
            long version,
            String pseudonym,
            String descriptor,
            String category,
            String date,
            String country,
            List<String> interviewers,
            String mode,
            String language,
            List<String> linkedCases,
            Consent consent,
            List<String> themes,
            String notes,
            String transcript,
            List<Quote> quotes,
            String createdAt,
            String updatedAt) {}

    public record Consent(Boolean mayQuote, String attribution, Boolean mayShareWithPartners) {}

    public record Quote(Integer n, String text) {}

    public record Excerpts(String interviewId, List<Excerpt> items) {}

    public record CaseExcerpts(String caseId, List<Excerpts> interviews) {}

    public record Excerpt(int n, String text, String status, Attribution attribution) {}

    public record Attribution(String pseudonym, String descriptor, String category) {}

    /** One read of the vault: who (an account id), when, why. */
    public record Reveal(String revealId, String custodianSubject, String revealedAt, String reason) {}

    public record Revealed(String interviewId, String name, String contact) {
        @Override
        public String toString() {
            return "Revealed[redacted]";
        }
    }

    public static final List<String> THEMES = List.of(
            "ENTITY_STRENGTH",
            "GROUP_STRUCTURE",
            "PRECEDENTS",
            "MOTIVATIONS",
            "TRUST_AND_INCENTIVES",
            "REDLINES",
            "RISKS",
            "SPOILERS",
            "VICTIMS",
            "INTERNATIONAL_ACTORS",
            "COMMUNICATION_AND_SECRECY",
            "OUTCOMES",
            "MORAL_HAZARD_AND_CONTAGION");

    public static final List<String> CATEGORIES = List.of(
            "GOVERNMENT_OFFICIAL",
            "NEGOTIATOR",
            "DIPLOMAT",
            "CLERGY",
            "NGO_STAFF",
            "EXPERT",
            "COMMUNITY_MEMBER",
            "OTHER");

    public static final List<String> MODES = List.of("IN_PERSON", "REMOTE");

    public static final List<String> ATTRIBUTIONS = List.of("DESCRIPTOR", "CATEGORY", "NONE");
}
