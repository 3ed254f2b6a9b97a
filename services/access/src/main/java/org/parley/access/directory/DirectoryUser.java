package org.parley.access.directory;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.parley.policy.Role;
import org.parley.policy.Viewer;

/** A signed-in user as their last request's token described them. */
@Entity
@Table(name = "directory_user")
public class DirectoryUser extends PanacheEntityBase {

    @Id
    public String subject;

    @Column(nullable = false)
    public String username;

    @Column(nullable = false)
    public String organisation;

    /** Comma-separated role claim values. */
    @Column(nullable = false)
    public String roles;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    public Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(Role::fromClaim).forEach(role -> role.ifPresent(set::add));
        return set;
    }

    /** This user as the rules see them, as of their last request. */
    public Viewer asViewer() {
        return Viewer.signedIn(subject, organisation, roleSet());
    }
}
