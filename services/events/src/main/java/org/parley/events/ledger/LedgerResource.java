package org.parley.events.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.smallrye.common.annotation.Blocking;
import org.hibernate.Session;
import org.parley.events.api.LedgerApi;
import org.parley.events.api.LedgerEntryView;
import org.parley.events.api.VerificationReport;
import org.parley.messaging.Topics;
import org.parley.policy.RecordIds;
import org.parley.policy.Viewer;
import org.parley.web.CallerIdentity;
import org.parley.web.PageCursor;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The audit ledger for auditors: their organisation's entries, one entry with its checkpoint, an export with its
 * proof, the checkpoints' public key, and the chain's verification. Its OpenAPI descriptions are on
 * {@link LedgerApi}.
 */
@RolesAllowed("auditor")
@Blocking
public class LedgerResource implements LedgerApi {

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{1,60}");

    private final LedgerAnchors anchors;
    private final CallerIdentity caller;
    private final EntityManager entityManager;
    private final LedgerSigner signer;
    private final LedgerConfig config;
    private final Ledger ledger;
    private final LedgerExport export;

    @Inject
    public LedgerResource(
            LedgerAnchors anchors,
            CallerIdentity caller,
            EntityManager entityManager,
            LedgerSigner signer,
            LedgerConfig config,
            Ledger ledger,
            LedgerExport export) {
        this.anchors = anchors;
        this.caller = caller;
        this.entityManager = entityManager;
        this.signer = signer;
        this.config = config;
        this.ledger = ledger;
        this.export = export;
    }

    @Override
    @Transactional
    // The parameters repeat the interface's names: the parameter converters (parley-web) read them from this method.
    public LedgerEntryView.Page entries(
            @QueryParam("case") String caseId,
            @QueryParam("actor") String actor,
            @QueryParam("organisation") String organisation,
            @QueryParam("type") String type,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("order") String order,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        Viewer viewer = caller.viewer();
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID caseFilter = parseUuid(caseId, "case", errors);
        String typeFilter = check(type, "type", TYPE, errors);
        LedgerDates.Range dates = LedgerDates.range(from, to, errors);
        boolean newestFirst = order == null || order.equals("newest");
        if (!newestFirst && !order.equals("oldest")) {
            errors.add(new Problem.FieldError("order", "must be newest or oldest"));
        }
        long after = parseCursor(cursor, newestFirst, errors);
        int pageSize = limit == null ? 100 : limit;
        if (pageSize < 1 || pageSize > config.maxPageSize()) {
            errors.add(new Problem.FieldError("limit", "must be between 1 and " + config.maxPageSize()));
        }
        String actorFilter = bounded(actor, "actor", errors);
        String organisationFilter = bounded(organisation, "organisation", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        LedgerQuery query = new LedgerQuery(
                viewer,
                null,
                caseFilter,
                actorFilter,
                organisationFilter,
                typeFilter,
                dates.from(),
                dates.to(),
                newestFirst,
                after,
                pageSize + 1);
        List<LedgerEntry> found = session().doReturningWork(query::run);
        boolean more = found.size() > pageSize;
        List<LedgerEntry> page = more ? found.subList(0, pageSize) : found;
        String next = more ? encodeCursor(page.get(page.size() - 1).sequence(), newestFirst) : null;
        return new LedgerEntryView.Page(page.stream().map(LedgerResource::view).toList(), next);
    }

    @Override
    @Transactional
    public LedgerEntryView.Detail entry(@PathParam("ref") String ref) {
        Viewer viewer = caller.viewer();
        LedgerQuery.Ref named = parseRef(ref).orElseThrow(() -> Problems.notFoundException(ENTRY_KIND));
        return session().doReturningWork(connection -> {
            List<LedgerEntry> found = LedgerQuery.one(viewer, named).run(connection);
            if (found.isEmpty()) {
                throw Problems.notFoundException(ENTRY_KIND);
            }
            LedgerEntry entry = found.get(0);
            return new LedgerEntryView.Detail(
                    view(entry),
                    LedgerQuery.coveringCheckpoint(connection, entry.sequence()).orElse(null));
        });
    }

    @Override
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        Viewer viewer = caller.viewer();
        List<Problem.FieldError> errors = new ArrayList<>();
        LedgerDates.Range dates = LedgerDates.range(from, to, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        // Signs the head if it moved since the last checkpoint, so the export reaches the newest entries.
        ledger.checkpointHead();
        LedgerExport.Range range = new LedgerExport.Range(from, to, dates.from(), dates.to());
        StreamingOutput body = out -> export.write(viewer, range, out);
        return Response.ok(body, LedgerApi.JSON_LINES)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"parley-ledger-" + LedgerDates.fileLabel(from, to) + ".jsonl\"")
                .build();
    }

    @Override
    public LedgerEntryView.PublicKey publicKey() {
        caller.viewer();
        CheckpointKeys keys = signer.keys();
        return new LedgerEntryView.PublicKey(
                CheckpointKeys.ALGORITHM, keys.signingKeyId(), keys.publicKeyBase64(), List.copyOf(keys.keyIds()));
    }

    @Override
    @Transactional
    // The anchor repeats the interface's name, as the parameters of entries do.
    public VerificationReport verify(@QueryParam("anchor") String keptAnchor) {
        caller.viewer(); // a token without an organisation is refused like everywhere else
        ChainVerifier.AnchorLookup anchor = newestAnchor(keptAnchor);
        ChainVerifier verifier = new ChainVerifier(signer.keys());
        return session().doReturningWork(connection -> verifier.verifyInThisTransaction(connection, anchor));
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static LedgerEntryView.Entry view(LedgerEntry entry) {
        return new LedgerEntryView.Entry(
                entry.sequence(),
                entry.eventId(),
                entry.type(),
                entry.caseId(),
                entry.actorSubject(),
                entry.actorOrganisation(),
                entry.owningOrganisation(),
                entry.occurredAt(),
                entry.recordedAt(),
                entry.eventDigest(),
                entry.prevHash(),
                entry.hash());
    }

    private ChainVerifier.AnchorLookup newestAnchor(String keptAnchor) {
        Optional<LedgerAnchor> kept = Optional.empty();
        if (keptAnchor != null && !keptAnchor.isBlank()) {
            try {
                kept = Optional.of(LedgerAnchor.parse(keptAnchor, "the anchor given"));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError("anchor", e.getMessage()))));
            }
        }
        Optional<LedgerAnchor> published;
        try {
            published = anchors.newest(signer.keys().keyIds());
        } catch (IllegalStateException unreadable) {
            return ChainVerifier.AnchorLookup.unavailable("kafka:" + Topics.LEDGER);
        }
        Optional<LedgerAnchor> newest =
                Stream.concat(published.stream(), kept.stream()).max(Comparator.comparingLong(LedgerAnchor::sequence));
        return newest.map(ChainVerifier.AnchorLookup::of)
                .orElseGet(() -> ChainVerifier.AnchorLookup.none("kafka:" + Topics.LEDGER));
    }

    private static UUID parseUuid(String value, String field, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        Optional<UUID> id = RecordIds.parse(value);
        if (id.isEmpty()) {
            errors.add(new Problem.FieldError(field, "must be a UUID"));
        }
        return id.orElse(null);
    }

    /** A sequence number or an event id; anything else names nothing. */
    private static Optional<LedgerQuery.Ref> parseRef(String ref) {
        if (ref != null && ref.matches("[1-9][0-9]{0,17}")) {
            return Optional.of(new LedgerQuery.Ref(Long.parseLong(ref), null));
        }
        return RecordIds.parse(ref).map(id -> new LedgerQuery.Ref(null, id));
    }

    private static String check(String value, String field, Pattern pattern, List<Problem.FieldError> errors) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(new Problem.FieldError(field, "must be an event type name, e.g. RestrictedRead"));
            return null;
        }
        return value;
    }

    private static String bounded(String value, String field, List<Problem.FieldError> errors) {
        if (value != null && (value.isBlank() || value.length() > 200)) {
            errors.add(new Problem.FieldError(field, "must be 1 to 200 characters"));
            return null;
        }
        return value;
    }

    private static long parseCursor(String cursor, boolean newestFirst, List<Problem.FieldError> errors) {
        if (cursor == null) {
            return 0;
        }
        Optional<Long> sequence = PageCursor.decode(cursorKind(newestFirst), 1, cursor)
                .flatMap(fields -> {
                    try {
                        return Optional.of(Long.parseLong(fields.get(0))).filter(value -> value > 0);
                    } catch (NumberFormatException notANumber) {
                        return Optional.empty();
                    }
                });
        if (sequence.isEmpty()) {
            errors.add(new Problem.FieldError("cursor", "is not a cursor this service gave out"));
        }
        return sequence.orElse(0L);
    }

    private static final String ENTRY_KIND = "ledger entry";

    /** A cursor of one order is not one of the other: the pages would skip or repeat entries. */
    private static String cursorKind(boolean newestFirst) {
        return newestFirst ? "ledger-newest" : "ledger";
    }

    private static String encodeCursor(long sequence, boolean newestFirst) {
        return PageCursor.encode(cursorKind(newestFirst), Long.toString(sequence));
    }
}
