package org.parley.interviews.vault;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The vault row: name and contact sealed under a data key wrapped by the identity KEK. */
@Entity
@Table(name = "interview_identity")
public class IdentityRecord extends PanacheEntityBase {

    @Id
    @Column(name = "interview_id")
    public UUID interviewId;

    @Column(name = "data_key")
    public byte[] dataKey;

    @Column(name = "kek_key_id")
    public Integer kekKeyId;

    @Column(name = "name", nullable = false)
    public byte[] name;

    @Column(name = "contact", nullable = false)
    public byte[] contact;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Override
    public String toString() {
        return "IdentityRecord[" + interviewId + "]";
    }
}
