package org.parley.access.directory;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.parley.access.api.UserRef;
import org.parley.policy.Role;
import org.parley.web.Problem;
import org.parley.web.ProblemException;

/** Every user access has seen: recorded on each authenticated request, resolved by team and explain endpoints. */
@ApplicationScoped
public class Directory {

    /** The answer for a username or subject access has never seen. */
    public static final Problem UNKNOWN_USER = new Problem(
            "https://parley.example/problems/unknown-user",
            "Not Found",
            404,
            "Unknown user: nobody with this username or subject has signed in to Parley.",
            null);

    private final Clock clock;
    private final EntityManager entityManager;

    @Inject
    public Directory(Clock clock, EntityManager entityManager) {
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /**
     * Records the caller as the token describes them. Rewrites the row only when something changed or the
     * last sighting is a minute old, so a burst of requests does not become a burst of writes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String subject, String username, String organisation, Set<Role> roles) {
        String roleList = roles.stream().map(Role::claimValue).sorted().collect(Collectors.joining(","));
        entityManager
                .createNativeQuery("INSERT INTO directory_user AS d (subject, username, organisation, roles,"
                        + " first_seen, last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
                        + " ON CONFLICT (subject) DO UPDATE SET username = EXCLUDED.username,"
                        + " organisation = EXCLUDED.organisation, roles = EXCLUDED.roles, last_seen = EXCLUDED.last_seen"
                        + " WHERE d.username <> EXCLUDED.username OR d.organisation <> EXCLUDED.organisation"
                        + " OR d.roles <> EXCLUDED.roles OR d.last_seen < EXCLUDED.last_seen - interval '1 minute'")
                .setParameter(1, subject)
                .setParameter(2, username)
                .setParameter(3, organisation)
                .setParameter(4, roleList)
                .setParameter(5, clock.instant())
                .executeUpdate();
    }

    public Optional<DirectoryUser> bySubject(String subject) {
        return Optional.ofNullable(DirectoryUser.findById(subject));
    }

    /** The user with this username (case-insensitive); the most recently seen if the name was reused. */
    public Optional<DirectoryUser> byUsername(String username) {
        return DirectoryUser.find("lower(username) = lower(?1) ORDER BY lastSeen DESC", username)
                .firstResultOptional();
    }

    /** A username or a subject, whichever matches; the 404 "unknown user" problem if neither does. */
    public DirectoryUser resolve(String usernameOrSubject) {
        return bySubject(usernameOrSubject)
                .or(() -> byUsername(usernameOrSubject))
                .orElseThrow(() -> new ProblemException(UNKNOWN_USER));
    }

    /** Exactly one of the two must be given (checked by the caller's validation). */
    public DirectoryUser resolve(String username, String subject) {
        Optional<DirectoryUser> found = subject != null ? bySubject(subject) : byUsername(username);
        return found.orElseThrow(() -> new ProblemException(UNKNOWN_USER));
    }

    /**
     * The staff member of {@code organisation} with this subject, or else this username; empty for a name
     * nobody has, a user of another organisation and a user without the staff role alike, so a caller can
     * answer all three the same way and no one learns who exists elsewhere by trying names.
     */
    public Optional<DirectoryUser> staffOf(String organisation, String username, String subject) {
        Optional<DirectoryUser> found = subject != null ? bySubject(subject) : byUsername(username);
        return found.filter(
                user -> user.organisation.equals(organisation) && user.roleSet().contains(Role.STAFF));
    }

    public List<DirectoryUser> everyone() {
        return DirectoryUser.list("ORDER BY username");
    }

    public List<DirectoryUser> ofOrganisation(String organisation) {
        return DirectoryUser.list("organisation = ?1 ORDER BY username", organisation);
    }

    /** Usernames by subject, for the subjects access has seen. */
    public Map<String, String> usernames(Collection<String> subjects) {
        Map<String, String> names = new HashMap<>();
        if (subjects.isEmpty()) {
            return names;
        }
        List<DirectoryUser> users = DirectoryUser.list("subject IN ?1", subjects);
        users.forEach(user -> names.put(user.subject, user.username));
        return names;
    }

    public UserRef ref(String subject, Map<String, String> usernames) {
        return new UserRef(subject, usernames.get(subject));
    }
}
