package org.parley.console.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.access.api.UserRef;

/**
 * The usernames of the auditor's own organisation, to show the ledger's actors (OIDC subjects) by name and to
 * let the actor filter take a username. Other organisations' actors stay subjects: access tells no auditor
 * another organisation's users.
 */
public final class ActorNames {

    private final Map<String, String> bySubject = new HashMap<>();
    private final Map<String, String> byUsername = new HashMap<>();

    ActorNames(List<UserRef> colleagues) {
        for (UserRef user : colleagues) {
            if (user.subject() != null && user.username() != null) {
                bySubject.put(user.subject(), user.username());
                byUsername.put(user.username().toLowerCase(Locale.ROOT), user.subject());
            }
        }
    }

    static ActorNames none() {
        return new ActorNames(List.of());
    }

    /** The username of this subject, or null when it is not a colleague's. */
    public String of(String subject) {
        return subject == null ? null : bySubject.get(subject);
    }

    /** The subject a typed actor filter names: a colleague's username becomes their subject, anything else stays. */
    String subjectFor(String typed) {
        if (typed == null) {
            return null;
        }
        return byUsername.getOrDefault(typed.strip().toLowerCase(Locale.ROOT), typed);
    }
}
