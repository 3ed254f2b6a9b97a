package org.parley.access.directory;

import java.time.Instant;
import java.util.List;

import org.parley.policy.Role;

/** A directory record as the API shows it. */
public record UserView(
        String subject, String username, String organisation, List<String> roles, Instant firstSeen, Instant lastSeen) {

    public static UserView of(DirectoryUser user) {
        return new UserView(
                user.subject,
                user.username,
                user.organisation,
                user.roleSet().stream().map(Role::claimValue).sorted().toList(),
                user.firstSeen,
                user.lastSeen);
    }
}
