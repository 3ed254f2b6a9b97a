package org.parley.interviews.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.parley.interviews.api.Attribution;
import org.parley.interviews.api.Consent;
import org.parley.interviews.api.InterviewMode;
import org.parley.interviews.api.IntervieweeCategory;

/**
 * The stored row. Search fields are in clear; descriptor, notes, transcript and quotes are ciphertexts
 * under the row's own data key ({@code dataKey}, wrapped by the content KEK version {@code kekKeyId}).
 */
@Entity
@Table(name = "interview")
public class InterviewRecord extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "pseudonym", nullable = false)
    public String pseudonym;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    public IntervieweeCategory category;

    @Column(name = "interview_month", nullable = false)
    public LocalDate month;

    @Column(name = "country", nullable = false, columnDefinition = "char(2)")
    public String country;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false)
    public InterviewMode mode;

    @Column(name = "language", nullable = false)
    public String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "interviewers", nullable = false)
    public String[] interviewers;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "themes", nullable = false)
    public String[] themes;

    /** The codebook's codes of the research questions it informs (RQ1 to RQ8), in clear like themes. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "research_questions", nullable = false)
    public String[] researchQuestions;

    @Column(name = "consent_may_quote", nullable = false)
    public boolean consentMayQuote;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_attribution", nullable = false)
    public Attribution consentAttribution;

    @Column(name = "consent_may_share", nullable = false)
    public boolean consentMayShare;

    @Column(name = "data_key")
    public byte[] dataKey;

    @Column(name = "kek_key_id")
    public Integer kekKeyId;

    @Column(name = "descriptor", nullable = false)
    public byte[] descriptor;

    @Column(name = "notes", nullable = false)
    public byte[] notes;

    @Column(name = "transcript", nullable = false)
    public byte[] transcript;

    @Column(name = "quotes", nullable = false)
    public byte[] quotes;

    @Column(name = "author_subject", nullable = false)
    public String authorSubject;

    @Column(name = "author_organisation", nullable = false)
    public String authorOrganisation;

    /** The importer's reference, unique per author (V4); null when recorded one by one (POST /interviews). */
    @Column(name = "external_reference")
    public String externalReference;

    @Column(name = "version", nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Consent consent() {
        return new Consent(consentMayQuote, consentAttribution, consentMayShare);
    }

    /** Whether approved excerpts may be shown to partners at all. */
    public boolean allowsSharingQuotes() {
        return allowsSharingQuotes(consent());
    }

    /** Quoting to partners needs both {@code mayQuote} and {@code mayShareWithPartners}. */
    public static boolean allowsSharingQuotes(Consent consent) {
        return Boolean.TRUE.equals(consent.mayQuote()) && Boolean.TRUE.equals(consent.mayShareWithPartners());
    }

    @Override
    public String toString() {
        return "InterviewRecord[" + id + "]";
    }
}
