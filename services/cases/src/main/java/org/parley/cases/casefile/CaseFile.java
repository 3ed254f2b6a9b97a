package org.parley.cases.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One case as stored: the header in columns, the other sections as JSON documents written from
 * validated records. The generated search and facet columns of {@code case_file} are not mapped: the
 * database derives them. Nothing here says who may see the case: that is the policy projection's.
 */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    @Id
    public UUID id;

    /** 1 + every edit: a member's ETag, and the number If-Match is compared with. */
    @Version
    public long version;

    /** Edits per section (a timeline entry is a PROCESS edit); they add up to {@code version - 1}. */
    @Column(name = "header_edits")
    public long headerEdits;

    @Column(name = "context_edits")
    public long contextEdits;

    @Column(name = "process_edits")
    public long processEdits;

    @Column(name = "results_edits")
    public long resultsEdits;

    public String title;
    public String country;
    public String region;
    public String status;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    /** The start as written when it was a year or a month ("2012"), else null (the day of periodStart). */
    @Column(name = "period_start_written")
    public String periodStartWritten;

    /** The end as written when it was a year or a month, else null. */
    @Column(name = "period_end_written")
    public String periodEndWritten;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String context;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String process;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String timeline;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String results;

    @Column(name = "created_by")
    public String createdBy;

    /** The importer's own reference for a case made or matched by a bulk import; null for cases never imported. */
    @Column(name = "external_reference")
    public String externalReference;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
