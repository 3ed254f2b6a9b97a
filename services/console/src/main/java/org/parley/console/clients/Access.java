package org.parley.console.clients;

import java.util.List;

/** The access service's documents as the console reads and writes them. */
public final class Access {

    private Access() {}

    public record UserRef(String subject, String username) {
        /** The username when access knows it, else the subject. */
        public String name() {
            return username == null || username.isBlank() ? subject : username;
        }
    }

    public record AccessView(String caseId, String tier, boolean released, long version) {}

    public record TierChange(String tier, String reason) {}

    public record ReleaseChange(Boolean released, String reason) {}

    public record Team(String caseId, long version, UserRef lead, List<Member> members, List<UserRef> secrecyAdmins) {

        public boolean includes(String subject) {
            if (subject == null) {
                return false;
            }
            if (lead != null && subject.equals(lead.subject())) {
                return true;
            }
            return members != null && members.stream().anyMatch(m -> subject.equals(m.subject()));
        }
    }

    public record Member(String subject, String username, String role, String addedAt) {
        public String name() {
            return username == null || username.isBlank() ? subject : username;
        }
    }

    public record TeamChange(String username, String role, String reason) {}

    public record Grant(
            String id,
            String caseId,
            String organisation,
            String scope,
            String status,
            String expiresAt,
            String issuedAt,
            UserRef issuedBy,
            UserRef approvedBy,
            String reason,
            String endedAt,
            UserRef endedBy,
            String endReason) {}

    public record NewGrant(String organisation, String scope, String reason, String expiresAt) {}

    public record Organisation(String id, String name, String kind) {}

    public record ReasonBody(String reason) {}

    public record GrantTarget(String organisation, String scope, String expiresAt) {}

    /** Who a TEAM request would put on the team, and as what. */
    public record TeamTarget(UserRef user, String role) {}

    public record SecrecyRequest(
            String id,
            String caseId,
            String kind,
            String tier,
            Boolean released,
            GrantTarget grant,
            TeamTarget team,
            String status,
            UserRef requestedBy,
            String reason,
            String createdAt,
            String expiresAt,
            UserRef decidedBy,
            String decidedAt,
            String decisionReason,
            Long resultingVersion) {}

    public record DryRun(String requestId, String caseId, long policyVersion, List<Change> changes, int unchanged) {}

    public record Change(
            Who who,
            String relationshipBefore,
            String relationshipAfter,
            List<String> sectionsBefore,
            List<String> sectionsAfter,
            List<String> gained,
            List<String> lost,
            boolean excerptsBefore,
            boolean excerptsAfter) {}

    public record Who(String kind, String subject, String username, String organisation) {}

    public static final List<String> GRANT_SCOPES = List.of("SUMMARY", "RESULTS", "PROCESS", "EXCERPTS");

    public static final List<String> TEAM_ROLES = List.of("MEMBER", "LEAD");
}
