package org.parley.access.team;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.access.ApiEnums;
import org.parley.policy.TeamRole;
import org.parley.web.VisibleText;

/** The body of {@code POST /cases/{id}/team} as the service checks it: a user by username or by subject (exactly one), a role and a reason. */
public record TeamChange(
        @Size(max = 255) String username,
        @Size(max = 255) String subject,
        @NotNull TeamRole role,
        @NotBlank @VisibleText @Size(max = 2000) String reason) {

    /** Null for a missing body. */
    public static TeamChange of(org.parley.access.api.TeamChange body) {
        return body == null
                ? null
                : new TeamChange(
                        body.username(), body.subject(), ApiEnums.as(TeamRole.class, body.role()), body.reason());
    }

    @AssertTrue(message = "give exactly one of username and subject")
    public boolean isUser() {
        return (username == null || username.isBlank()) != (subject == null || subject.isBlank());
    }
}
