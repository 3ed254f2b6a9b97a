package org.parley.access.team;

import java.time.Instant;
import java.util.List;

import org.parley.access.directory.UserRef;
import org.parley.policy.TeamRole;

/** A case team: its lead, everyone on it, and the secrecy admins who can manage it. */
public record TeamView(String caseId, long version, UserRef lead, List<Member> members, List<UserRef> secrecyAdmins) {

    public record Member(String subject, String username, TeamRole role, Instant addedAt) {}
}
