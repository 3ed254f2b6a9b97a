package org.parley.policy;

import java.util.Optional;

/** Realm roles a token may carry. */
public enum Role {
    STAFF("staff"),
    SECRECY_ADMIN("secrecy-admin"),
    AUDITOR("auditor"),
    IDENTITY_CUSTODIAN("identity-custodian"),
    PARTNER("partner");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The role's name in the Keycloak realm and the token. */
    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue.equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
