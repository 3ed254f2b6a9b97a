package org.parley.cases.links;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.parley.cases.api.CaseLink;
import org.parley.cases.api.CaseLinkKind;
import org.parley.cases.api.CaseLinkPage;
import org.parley.cases.api.NewCaseLink;
import org.parley.cases.audit.CaseAudit;
import org.parley.cases.casefile.CaseFile;
import org.parley.cases.content.ContentValidator;
import org.parley.cases.search.VisibleCases;
import org.parley.gate.CaseGate;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.policy.Action;
import org.parley.policy.RecordIds;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.SqlFragment;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.proto.v1.CaseLinked;
import org.parley.proto.v1.CaseUnlinked;
import org.parley.proto.v1.Envelope;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Links between cases. A link is read only through {@link VisibleCases#knownAmong}: both of its cases must be known
 * to the reader by the list's rules, or it is absent, as if never made. Changes follow the order of every change to a
 * case: the case as the caller may know it (404), their place on its team (403, audited), then the body (400), and
 * nothing is written before the last check.
 */
@ApplicationScoped
public class CaseLinks {

    /** The resource kind of the "never existed" answer for a link. */
    static final String LINK = "link";

    private final Clock clock;
    private final CaseGate access;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final CaseAudit audit;
    private final ContentValidator validator;

    @Inject
    public CaseLinks(
            Clock clock,
            CaseGate access,
            EntityManager entityManager,
            Outbox outbox,
            CaseAudit audit,
            ContentValidator validator) {
        this.clock = clock;
        this.access = access;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.audit = audit;
        this.validator = validator;
    }

    /** Links the case to a target the member may know exists; answers the link as the member sees it. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public CaseLink link(Viewer viewer, String rawId, NewCaseLink body) {
        CaseGate.Opened opened = access.open(viewer, rawId);
        // Locked, so that two requests for the same link cannot both pass the check for a duplicate.
        CaseFile file = CaseFile.findById(opened.id(), LockModeType.PESSIMISTIC_WRITE);
        if (file == null || file.isDeleted()) {
            throw CaseGate.neverExisted(CaseGate.CASE);
        }
        mayChange(viewer, opened);
        NewLink checked = validator.valid(body == null ? null : new NewLink(body.target(), body.kind(), body.note()));
        UUID source = opened.id();
        Optional<UUID> target = RecordIds.parse(checked.target());
        if (target.isPresent() && target.get().equals(source)) {
            throw invalidTarget("must be another case than this one");
        }
        // An id that names nothing and one the caller may not know get the same answer, byte for byte.
        if (target.isEmpty() || !known(viewer, target.get())) {
            throw invalidTarget("must be the id of a case you may see");
        }
        Long same = (Long) entityManager
                .createNativeQuery(
                        "SELECT count(*) FROM case_link WHERE source = ?1 AND target = ?2 AND kind = ?3", Long.class)
                .setParameter(1, source)
                .setParameter(2, target.get())
                .setParameter(3, checked.kind().name())
                .getSingleResult();
        if (same > 0) {
            throw new ProblemException(Problems.conflict("These cases are already linked with this kind."));
        }
        StoredLink stored = new StoredLink();
        stored.id = UUID.randomUUID();
        stored.source = source;
        stored.target = target.get();
        stored.kind = checked.kind().name();
        stored.note = checked.note();
        stored.createdBy = viewer.subject();
        stored.createdAt = clock.instant();
        stored.persist();
        StoredLink.flush();
        announce(
                viewer,
                stored,
                (event, end) -> event.setCaseLinked(CaseLinked.newBuilder()
                        .setLinkId(stored.id.toString())
                        .setKind(stored.kind)
                        .setEnd(end.name())));
        return read(viewer, source, stored.id).orElseThrow();
    }

    /**
     * A page of the links of a case whose both ends the viewer may know exist; a returned title is a read, audited.
     * The page's parameters are checked after the case (404 first, as for every read of a case).
     */
    @Transactional
    public CaseLinkPage links(Viewer viewer, String rawId, String limit, String cursor) {
        CaseGate.Opened opened = access.open(viewer, rawId);
        LinksPageRequest page = LinksPageRequest.parse(limit, cursor);
        List<Row> rows = rows(viewer, opened.id(), null, page);
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            CaseLink last = rows.get(rows.size() - 1).link();
            next = LinksPageRequest.cursorAfter(last.createdAt(), last.id());
        }
        List<CaseAudit.Read> reads = new ArrayList<>();
        for (Row row : rows) {
            if (row.link().other().title() != null) {
                reads.add(new CaseAudit.Read(
                        row.link().other().id(), row.otherTier(), row.otherReleased(), EnumSet.of(Section.HEADER)));
            }
        }
        audit.readAll(viewer, reads);
        return new CaseLinkPage(rows.stream().map(Row::link).toList(), next);
    }

    /** Removes a link the viewer may see, if they are on the team of its source case. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public void unlink(Viewer viewer, String rawId, String rawLinkId) {
        CaseGate.Opened opened = access.open(viewer, rawId);
        UUID linkId = RecordIds.parse(rawLinkId).orElseThrow(() -> CaseGate.neverExisted(LINK));
        CaseLink link = read(viewer, opened.id(), linkId).orElseThrow(() -> CaseGate.neverExisted(LINK));
        // The source is known to the viewer, or the link would not have been found.
        CaseGate.Opened source =
                link.source().equals(opened.id().toString()) ? opened : access.open(viewer, link.source());
        mayChange(viewer, source);
        StoredLink stored = StoredLink.findById(linkId, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            throw CaseGate.neverExisted(LINK); // removed meanwhile
        }
        stored.delete();
        announce(
                viewer,
                stored,
                (event, end) -> event.setCaseUnlinked(CaseUnlinked.newBuilder()
                        .setLinkId(stored.id.toString())
                        .setKind(stored.kind)
                        .setEnd(end.name())));
    }

    /** The ends of a link; each gets its own audit event, about its own case. */
    private enum End {
        SOURCE,
        TARGET;

        String of(StoredLink link) {
            return (this == SOURCE ? link.source : link.target).toString();
        }
    }

    /** One audit event per end of the link, each about its own case, with the payload {@code payload} sets. */
    private void announce(Viewer viewer, StoredLink link, BiConsumer<Envelope.Builder, End> payload) {
        List<Envelope.Builder> events = new ArrayList<>();
        for (End end : End.values()) {
            Envelope.Builder event =
                    Envelopes.about(end.of(link), viewer.subject(), viewer.organisation(), clock.instant());
            payload.accept(event, end);
            events.add(event);
        }
        outbox.appendAll(Topics.AUDIT, events);
    }

    /** Team members of the case only, as for an edit of its sections; a refusal is audited. */
    private void mayChange(Viewer viewer, CaseGate.Opened opened) {
        if (!SecrecyRules.mayPerform(viewer, opened.policy(), Action.EDIT_SECTION, opened.decidedAt())) {
            audit.denied(viewer, opened.id().toString(), Action.EDIT_SECTION);
            throw new ProblemException(Problems.forbidden("Your place on this case does not allow this change."));
        }
    }

    private static ProblemException invalidTarget(String message) {
        return new ProblemException(Problems.invalid(List.of(new Problem.FieldError("target", message))));
    }

    /** Whether the viewer may know the case exists, by the list's rules. */
    private boolean known(Viewer viewer, UUID id) {
        SqlFragment known = VisibleCases.knownAmong(viewer, SqlFragment.of("SELECT CAST(? AS uuid) AS id", id));
        VisibleCases.Statement statement =
                new VisibleCases.Statement(known.sql() + " SELECT count(*) FROM known", known.parameters());
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement prepared = statement.prepare(connection);
                    ResultSet result = prepared.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        });
    }

    private Optional<CaseLink> read(Viewer viewer, UUID caseId, UUID linkId) {
        return rows(viewer, caseId, linkId, null).stream().map(Row::link).findFirst();
    }

    /** A link as the viewer sees it, and the policy of its other end (for the audit of its title). */
    private record Row(CaseLink link, Tier otherTier, boolean otherReleased) {}

    /**
     * The links from and to the case (only {@code linkId}, unless null) whose both ends the viewer may know exist,
     * oldest first; with a {@code page}, those after its cursor and one more than its limit (so the caller knows
     * whether a next page exists). The note is masked unless the viewer sees the CONTEXT of both cases (a link is
     * context, and the stricter end governs); the other case's title unless they see its HEADER.
     */
    private List<Row> rows(Viewer viewer, UUID caseId, UUID linkId, LinksPageRequest page) {
        SqlFragment known = VisibleCases.knownAmong(
                viewer,
                SqlFragment.of(
                        "SELECT CAST(? AS uuid) AS id UNION SELECT target FROM case_link WHERE source = ?"
                                + " UNION SELECT source FROM case_link WHERE target = ?",
                        caseId,
                        caseId,
                        caseId));
        List<Object> parameters = new ArrayList<>(known.parameters());
        String sql = known.sql()
                + " SELECT l.id, l.source, l.target, l.kind, CASE WHEN ks.s_context AND kt.s_context THEN l.note END,"
                + " l.created_at, o.id, CASE WHEN ko.s_header THEN o.title END, po.tier, po.results_released"
                + " FROM case_link l JOIN known ks ON ks.id = l.source JOIN known kt ON kt.id = l.target"
                + " JOIN known ko ON ko.id = CASE WHEN l.source = ? THEN l.target ELSE l.source END"
                + " JOIN case_file o ON o.id = ko.id JOIN case_policy po ON po.case_id = ko.id"
                + " WHERE (l.source = ? OR l.target = ?)";
        parameters.add(caseId);
        parameters.add(caseId);
        parameters.add(caseId);
        if (linkId != null) {
            sql += " AND l.id = ?";
            parameters.add(linkId);
        }
        if (page != null && page.continues()) {
            sql += " AND (l.created_at, l.id) > (?, ?)";
            parameters.add(page.afterCreatedAt().atOffset(ZoneOffset.UTC));
            parameters.add(page.afterId());
        }
        sql += " ORDER BY l.created_at, l.id";
        if (page != null) {
            // Hidden links are gone by the joins above, so they take no place on a page.
            sql += " LIMIT ?";
            parameters.add(page.limit() + 1);
        }
        VisibleCases.Statement statement = new VisibleCases.Statement(sql, parameters);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement prepared = statement.prepare(connection);
                    ResultSet result = prepared.executeQuery()) {
                while (result.next()) {
                    Timestamp created = result.getTimestamp(6);
                    CaseLink link = new CaseLink(
                            result.getString(1),
                            result.getString(2),
                            result.getString(3),
                            CaseLinkKind.valueOf(result.getString(4)),
                            result.getString(5),
                            created.toInstant(),
                            new CaseLink.Other(result.getString(7), result.getString(8)));
                    rows.add(new Row(link, Tier.valueOf(result.getString(9)), result.getBoolean(10)));
                }
            }
            return rows;
        });
    }
}
