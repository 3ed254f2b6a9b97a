package org.parley.cases.links;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One link as stored ({@code case_link}). Who may see it is decided when it is read, never here. */
@Entity
@Table(name = "case_link")
public class StoredLink extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID source;

    public UUID target;

    /** A {@link org.parley.cases.api.CaseLinkKind} name. */
    public String kind;

    public String note;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
