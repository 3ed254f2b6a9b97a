package org.parley.access.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A case team: its lead, everyone on it, and the secrecy admins who can manage it. */
public record TeamView(String caseId, long version, UserRef lead, List<Member> members, List<UserRef> secrecyAdmins) {

    public record Member(String subject, String username, TeamRole role, Instant addedAt) {

        /** The username when access knows it, else the subject. */
        @JsonIgnore
        public String name() {
            return username == null || username.isBlank() ? subject : username;
        }
    }

    /** Whether this subject leads or is on the team. */
    public boolean includes(String subject) {
        if (subject == null) {
            return false;
        }
        if (lead != null && subject.equals(lead.subject())) {
            return true;
        }
        return members != null && members.stream().anyMatch(m -> subject.equals(m.subject()));
    }

    /** The name of this team member (the lead included), or null when the subject is not on the team now. */
    public String nameOf(String subject) {
        if (subject == null || members == null) {
            return null;
        }
        return members.stream()
                .filter(m -> subject.equals(m.subject()))
                .map(Member::name)
                .findFirst()
                .orElse(null);
    }
}
