package org.parley.cases.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.CaseStatus;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.CodedCase;
import org.parley.cases.api.TimelineEntry;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.CodedSection;
import org.parley.cases.api.codebook.WrittenDate;
import org.parley.cases.audit.CaseAudit;
import org.parley.cases.coded.ExcerptCitations;
import org.parley.cases.content.ContentValidator;
import org.parley.cases.content.Context;
import org.parley.cases.content.Header;
import org.parley.cases.content.NewCase;
import org.parley.cases.content.NewTimelineEntry;
import org.parley.cases.content.Period;
import org.parley.cases.content.Process;
import org.parley.cases.content.Results;
import org.parley.gate.CaseGate;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.policy.Action;
import org.parley.policy.CasePolicy;
import org.parley.policy.Relationship;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.Viewer;
import org.parley.projection.PolicyProjection;
import org.parley.proto.v1.CaseDeleted;
import org.parley.proto.v1.CaseOpened;
import org.parley.proto.v1.CaseSectionEdited;
import org.parley.proto.v1.ProcessEntryAdded;
import org.parley.proto.v1.Tier;
import org.parley.web.Preconditions;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Creating, reading, editing and deleting one case. Every change writes its event through the outbox in
 * its own transaction. Checks run in one order everywhere: existence as the viewer may know it (404),
 * then permission (403, audited), then the precondition (428 when a section edit comes without If-Match,
 * 412 when it names another version), then the content (400); nothing is written before the last check,
 * so a refused request commits at most its audit event. A missing If-Match therefore never answers
 * anything but the "never existed" 404 to a caller who may not know the case.
 */
@ApplicationScoped
public class CaseService {

    private final Clock clock;

    /** Entries a process timeline may hold. */
    public static final int TIMELINE_LIMIT = 1000;

    private final CaseGate access;
    private final PolicyProjection projection;
    private final Outbox outbox;
    private final CaseAudit audit;
    private final CaseDocuments documents;
    private final ContentValidator validator;
    private final ExcerptCitations citations;

    @Inject
    public CaseService(
            Clock clock,
            CaseGate access,
            PolicyProjection projection,
            Outbox outbox,
            CaseAudit audit,
            CaseDocuments documents,
            ContentValidator validator,
            ExcerptCitations citations) {
        this.clock = clock;
        this.access = access;
        this.projection = projection;
        this.outbox = outbox;
        this.audit = audit;
        this.documents = documents;
        this.validator = validator;
        this.citations = citations;
    }

    /** Opens a case: born SECRET, its creator the lead, its owner the creator's organisation. */
    @Transactional
    public CaseView create(Viewer creator, NewCase body) {
        validator.valid(body);
        Instant now = clock.instant();
        CaseFile file = new CaseFile();
        file.id = UUID.randomUUID();
        file.version = 1;
        writeHeader(file, body.header());
        file.context = legacyWritten(Section.CONTEXT, body.context() == null ? Context.empty() : body.context(), null);
        file.process = legacyWritten(Section.PROCESS, body.process() == null ? Process.empty() : body.process(), null);
        file.results = legacyWritten(Section.RESULTS, body.results() == null ? Results.empty() : body.results(), null);
        file.timeline = "[]";
        open(creator, file, now);
        CasePolicy born = CasePolicy.newCase(file.id.toString(), creator.organisation(), creator.subject());
        return CaseViews.of(
                StoredCase.of(file),
                born.tier(),
                born.resultsReleased(),
                SecrecyRules.sections(Relationship.MEMBER, born.tier(), born.resultsReleased(), null),
                documents);
    }

    /**
     * Stores a new case (version 1, its sections written) as its creator's: born SECRET with the creator as lead, in
     * this transaction, and {@code CaseOpened} through the outbox. {@code POST /cases} and a bulk import open cases
     * alike.
     */
    void open(Viewer creator, CaseFile file, Instant now) {
        file.createdBy = creator.subject();
        file.createdAt = now;
        file.updatedAt = now;
        file.persist();
        String caseId = file.id.toString();
        // Restricted in the transaction that creates it: no instant at which the case exists unprotected.
        projection.recordNewCase(caseId, creator.organisation(), creator.subject());
        outbox.append(
                Topics.CASES,
                Envelopes.about(caseId, creator.subject(), creator.organisation(), clock.instant())
                        .setPolicyVersion(1)
                        .setCaseOpened(CaseOpened.newBuilder()
                                .setOwningOrganisation(creator.organisation())
                                .setLeadSubject(creator.subject())
                                .setTier(Tier.SECRET)));
        CaseFile.flush();
    }

    /** The case as the viewer may see it; a read of restricted sections is audited. */
    @Transactional
    public CaseView read(Viewer viewer, String rawId) {
        CaseGate.Opened opened = access.open(viewer, rawId);
        CaseFile file = existing(opened);
        CasePolicy policy = opened.policy();
        CaseView view = CaseViews.of(
                StoredCase.of(file),
                policy.tier(),
                policy.resultsReleased(),
                opened.decision().sections(),
                documents);
        audit.read(
                viewer,
                new CaseAudit.Read(policy.caseId(), policy.tier(), policy.resultsReleased(), CaseViews.sections(view)));
        return view;
    }

    /** The case in the codebook's shape as the viewer may see it; a read of restricted sections is audited. */
    @Transactional
    public CodedCase readCoded(Viewer viewer, String rawId) {
        CaseGate.Opened opened = access.open(viewer, rawId);
        return codedAnswer(viewer, opened, existing(opened));
    }

    /** The case the gate opened; a deleted one answers as if it never existed. */
    public static CaseFile existing(CaseGate.Opened opened) {
        CaseFile file = CaseFile.findById(opened.id());
        if (file == null || file.isDeleted()) {
            throw CaseGate.neverExisted(CaseGate.CASE);
        }
        return file;
    }

    /** Replaces the given fields of one section, in the first (v1) shape (JSON merge patch). */
    @Transactional(dontRollbackOn = ProblemException.class)
    public CaseView edit(Viewer viewer, String rawId, SectionName section, Long ifMatch, JsonNode patch) {
        Change change = changeSection(viewer, rawId, section, ifMatch, patch, file -> {
            switch (section) {
                case HEADER -> {
                    for (String readOnly : List.of("tier", "resultsReleased")) {
                        if (patch.has(readOnly)) {
                            throw CaseDocuments.invalid(
                                    readOnly, "read-only: it is changed through the access service");
                        }
                    }
                    Header before = headerOf(file);
                    Header after = patched(before, patch, Header.class);
                    writeHeader(file, after);
                    // the first shape writes days: a date it changes is a day now, one it leaves keeps its form
                    if (!after.period().start().equals(before.period().start())) {
                        file.periodStartWritten = null;
                    }
                    if (!Objects.equals(after.period().end(), before.period().end())) {
                        file.periodEndWritten = null;
                    }
                }
                case CONTEXT -> file.context = legacyEdit(Section.CONTEXT, file.context, patch, Context.class);
                case PROCESS -> {
                    refuseTimeline(patch, "timeline");
                    file.process = legacyEdit(Section.PROCESS, file.process, patch, Process.class);
                }
                case RESULTS -> file.results = legacyEdit(Section.RESULTS, file.results, patch, Results.class);
            }
        });
        // The answer carries the case as this member sees it: a read like any other, audited alike.
        CasePolicy policy = change.opened().policy();
        CaseView view = CaseViews.of(
                StoredCase.of(change.file()),
                policy.tier(),
                policy.resultsReleased(),
                change.opened().decision().sections(),
                documents);
        audit.read(
                viewer,
                new CaseAudit.Read(change.caseId(), policy.tier(), policy.resultsReleased(), CaseViews.sections(view)));
        return view;
    }

    /**
     * Writes one section in the codebook's shape: the whole section ({@code merge} false) or a JSON merge patch
     * of it. The result is checked against the codebook before anything is written; a 400 names every field.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public CodedCase editCoded(
            Viewer viewer, String rawId, SectionName section, Long ifMatch, JsonNode body, boolean merge) {
        Change change = changeSection(viewer, rawId, section, ifMatch, body, file -> {
            if (section == SectionName.HEADER) {
                writeCodedHeader(file, merge ? CaseDocuments.mergePatch(codedHeader(file), body) : body);
                return;
            }
            refuseTimeline(body, "process.timeline");
            String stored = storedDocument(file, section.section());
            JsonNode document = merge ? CaseDocuments.mergePatch(documents.coded(stored), body) : body;
            String written = documents.write(checked(section.section(), document));
            switch (section.section()) {
                case CONTEXT -> file.context = written;
                case PROCESS -> file.process = written;
                case RESULTS -> file.results = written;
                default -> throw new IllegalStateException("not a coded section: " + section);
            }
        });
        return codedAnswer(viewer, change.opened(), change.file());
    }

    private CodedCase codedAnswer(Viewer viewer, CaseGate.Opened opened, CaseFile file) {
        CodedCase view = codedView(viewer, opened, file);
        CasePolicy policy = opened.policy();
        audit.read(
                viewer,
                new CaseAudit.Read(policy.caseId(), policy.tier(), policy.resultsReleased(), CaseViews.sections(view)));
        return view;
    }

    /**
     * The case the gate opened in the codebook's shape, as the viewer may see it (not audited: the caller records the
     * read). The public register answers as to anyone: no external reference, and a token sent along is not asked
     * about excerpts.
     */
    public CodedCase codedView(Viewer viewer, CaseGate.Opened opened, CaseFile file) {
        CasePolicy policy = opened.policy();
        StoredCase stored = viewer.isAnonymous() ? StoredCase.of(file).withoutExternalReference() : StoredCase.of(file);
        Set<Section> sections = opened.decision().sections();
        return CaseViews.coded(
                stored,
                CaseViews.writtenPeriod(file),
                policy.tier(),
                policy.resultsReleased(),
                sections,
                documents,
                citations.citableIn(
                        stored.codedSections(sections), viewer.isAnonymous() ? null : citations.readerToken()));
    }

    /**
     * One section edit: the checks of {@link #openForChange} with If-Match required, the change itself (which
     * throws its 400 before anything is written), then the count, the time and the event.
     */
    private Change changeSection(
            Viewer viewer, String rawId, SectionName section, Long ifMatch, JsonNode body, Consumer<CaseFile> change) {
        Change opened = openForChange(viewer, rawId, Action.EDIT_SECTION, IfMatch.REQUIRED, ifMatch);
        if (body == null || !body.isObject()) {
            throw new ProblemException(Problems.badRequest("The body must be a JSON object."));
        }
        CaseFile file = opened.file();
        change.accept(file);
        edited(viewer, file, section.section());
        return opened;
    }

    /**
     * After one section of the case was changed: its count, the time, the new version (flushed) and
     * {@code CaseSectionEdited} through the outbox. Every section edit ends so, one by one or in an import.
     */
    void edited(Viewer viewer, CaseFile file, Section section) {
        countEdit(file, section);
        file.updatedAt = clock.instant();
        CaseFile.flush();
        outbox.append(
                Topics.CASES,
                Envelopes.about(file.id.toString(), viewer.subject(), viewer.organisation(), clock.instant())
                        .setCaseSectionEdited(CaseSectionEdited.newBuilder()
                                .setSection(section.name())
                                .setCaseVersion(file.version)));
    }

    private static void refuseTimeline(JsonNode body, String field) {
        if (body != null && body.has("timeline")) {
            throw CaseDocuments.invalid(field, "add entries with POST /cases/{id}/process/timeline");
        }
    }

    /** A v1 edit: the v1 document derived from the stored one, patched and checked, laid over the stored one. */
    private <T> String legacyEdit(Section section, String stored, JsonNode patch, Class<T> type) {
        T edited = patched(documents.legacy(stored, section, type), patch, type);
        return legacyWritten(section, edited, stored);
    }

    String legacyWritten(Section section, Object v1, String stored) {
        return documents.write(checked(section, documents.codedFromLegacy(section, v1, stored)));
    }

    /** The document if the codebook accepts it as this section; otherwise a 400 naming every refused field. */
    JsonNode checked(Section section, JsonNode document) {
        return checked(section, document, "");
    }

    /**
     * As {@link #checked(Section, JsonNode)}, naming each refused field without {@code prefix} (a part of a section
     * checked on its own, as a timeline entry is).
     */
    private JsonNode checked(Section section, JsonNode document, String prefix) {
        List<CodedSection.FieldProblem> problems =
                CodedSection.problems(Codebook.standard(), section.name(), document, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new ProblemException(Problems.invalid(problems.stream()
                    .map(problem -> new Problem.FieldError(
                            problem.field().startsWith(prefix)
                                    ? problem.field().substring(prefix.length())
                                    : problem.field(),
                            problem.message()))
                    .toList()));
        }
        return document;
    }

    /** The header as the codebook writes it (what a merge patch of it applies to). */
    ObjectNode codedHeader(CaseFile file) {
        return documents.tree(new CodedHeader(
                file.title, file.country, file.region, CaseViews.writtenPeriod(file), CaseStatus.valueOf(file.status)));
    }

    /** The HEADER in the codebook's shape; the tier and the release are the access service's, not written here. */
    private record CodedHeader(
            String title, String country, String region, CodedCase.WrittenPeriod period, CaseStatus status) {}

    /**
     * A header in the codebook's shape: checked by the codebook (dates at their precision, end not before start),
     * then by the header's own rules (a title, a country, a status and a start are required), then written with
     * the days that order it and the forms as written.
     */
    void writeCodedHeader(CaseFile file, JsonNode document) {
        checked(Section.HEADER, document);
        String start = document.path("period").path("start").textValue();
        String end = document.path("period").path("end").textValue();
        JsonNode status = document.path("status");
        Header header = validator.valid(new Header(
                document.path("title").textValue(),
                document.path("country").textValue(),
                document.path("region").textValue(),
                new Period(WrittenDate.firstDay(start), WrittenDate.lastDay(end)),
                status.isTextual() ? CaseStatus.valueOf(status.textValue()) : null));
        writeHeader(file, header);
        file.periodStartWritten = WrittenDate.coarserThanADay(start);
        file.periodEndWritten = WrittenDate.coarserThanADay(end);
    }

    private static String storedDocument(CaseFile file, Section section) {
        return switch (section) {
            case CONTEXT -> file.context;
            case PROCESS -> file.process;
            case RESULTS -> file.results;
            case HEADER, INTERVIEWS -> throw new IllegalArgumentException("no stored document: " + section);
        };
    }

    /** Adds a dated entry to the process timeline. Its event carries the kind and date, never the summary. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public AddedEntry addTimelineEntry(Viewer viewer, String rawId, Long ifMatch, NewTimelineEntry body) {
        validator.valid(body);
        Change change = openForChange(viewer, rawId, Action.EDIT_SECTION, IfMatch.OPTIONAL, ifMatch);
        CaseFile file = change.file();
        List<TimelineEntry> timeline = new ArrayList<>(documents.timeline(file.timeline));
        if (timeline.size() >= TIMELINE_LIMIT) {
            throw new ProblemException(Problems.conflict("The timeline is full (" + TIMELINE_LIMIT + " entries)."));
        }
        checkedAsCodedEntry(body);
        TimelineEntry entry = new TimelineEntry(
                UUID.randomUUID().toString(),
                WrittenDate.firstDay(body.date()),
                body.kind(),
                body.summary(),
                WrittenDate.coarserThanADay(body.date()));
        added(viewer, file, timeline, entry, body.date());
        return new AddedEntry(entry, file.version);
    }

    /**
     * Adds a checked entry to the timeline read from the case ({@code timeline}): in date order, counted as a PROCESS
     * edit (flushed), and {@code ProcessEntryAdded} through the outbox with the date as written.
     */
    void added(Viewer viewer, CaseFile file, List<TimelineEntry> timeline, TimelineEntry entry, String dateWritten) {
        timeline.add(entry);
        // Stable: entries of the same date keep the order they were added in.
        timeline.sort(Comparator.comparing(TimelineEntry::date));
        file.timeline = documents.write(timeline);
        countEdit(file, Section.PROCESS);
        file.updatedAt = clock.instant();
        CaseFile.flush();
        outbox.append(
                Topics.CASES,
                Envelopes.about(file.id.toString(), viewer.subject(), viewer.organisation(), clock.instant())
                        .setProcessEntryAdded(ProcessEntryAdded.newBuilder()
                                .setEntryId(entry.id())
                                .setKind(entry.kind().name())
                                .setEntryDate(dateWritten)));
    }

    /**
     * A timeline entry is the codebook's {@code process.timeline} block entry: its date at the precision written,
     * between 1900 and a year from now, its kind a code, its summary within length. A 400 names the entry's field.
     */
    private void checkedAsCodedEntry(NewTimelineEntry body) {
        ObjectNode entry = documents.tree(body);
        ObjectNode process = entry.objectNode();
        process.putArray("timeline").add(entry);
        checked(Section.PROCESS, process, "process.timeline[0].");
    }

    /** A new timeline entry and the case's version after it. */
    public record AddedEntry(TimelineEntry entry, long caseVersion) {}

    /** Soft-deletes the case: from now on it answers as if it never existed, to everyone. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public void delete(Viewer viewer, String rawId, Long ifMatch) {
        Change change = openForChange(viewer, rawId, Action.DELETE, IfMatch.OPTIONAL, ifMatch);
        CaseFile file = change.file();
        file.deletedAt = clock.instant();
        file.updatedAt = file.deletedAt;
        CaseFile.flush();
        outbox.append(
                Topics.CASES,
                Envelopes.about(change.caseId(), viewer.subject(), viewer.organisation(), clock.instant())
                        .setCaseDeleted(CaseDeleted.getDefaultInstance()));
    }

    /** A case opened for a change: its locked row and the viewer's decision on it. */
    private record Change(CaseFile file, CaseGate.Opened opened) {
        String caseId() {
            return opened.id().toString();
        }
    }

    /**
     * Whether a change must name the version it was made from. A section edit replaces what it read, so
     * without If-Match it could silently undo a concurrent edit: required. A timeline entry is appended and
     * a delete ends the case; neither overwrites anything, so If-Match stays optional there.
     */
    private enum IfMatch {
        REQUIRED,
        OPTIONAL
    }

    /**
     * 404 unless the viewer may know the case exists; 403 (audited) unless they may act; then 428 when a
     * required If-Match is missing and 412 when it names another version.
     */
    private Change openForChange(Viewer viewer, String rawId, Action action, IfMatch precondition, Long ifMatch) {
        CaseGate.Opened opened = access.open(viewer, rawId);
        // Locked before deciding, so a concurrent edit cannot slip between the check and the change.
        CaseFile file = CaseFile.findById(opened.id(), LockModeType.PESSIMISTIC_WRITE);
        if (file == null || file.isDeleted()) {
            throw CaseGate.neverExisted(CaseGate.CASE);
        }
        if (!SecrecyRules.mayPerform(viewer, opened.policy(), action, opened.decidedAt())) {
            audit.denied(viewer, opened.id().toString(), action);
            throw new ProblemException(Problems.forbidden("Your place on this case does not allow this change."));
        }
        if (precondition == IfMatch.REQUIRED) {
            Preconditions.required(ifMatch);
        }
        if (ifMatch != null && ifMatch != file.version) {
            throw CaseProblems.preconditionFailed();
        }
        return new Change(file, opened);
    }

    private <T> T patched(Object current, JsonNode patch, Class<T> type) {
        ObjectNode merged = (ObjectNode) CaseDocuments.mergePatch(documents.tree(current), patch);
        return validator.valid(documents.bind(merged, type));
    }

    /** Every edit counts against its section, so viewers see versions move only for sections they see. */
    private static void countEdit(CaseFile file, Section section) {
        switch (section) {
            case HEADER -> file.headerEdits++;
            case CONTEXT -> file.contextEdits++;
            case PROCESS -> file.processEdits++;
            case RESULTS -> file.resultsEdits++;
            case INTERVIEWS -> throw new IllegalArgumentException("interviews are not edited here");
        }
    }

    private static Header headerOf(CaseFile file) {
        return new Header(
                file.title,
                file.country,
                file.region,
                new Period(file.periodStart, file.periodEnd),
                CaseStatus.valueOf(file.status));
    }

    private static void writeHeader(CaseFile file, Header header) {
        file.title = header.title();
        file.country = header.country();
        file.region = header.region();
        file.periodStart = header.period().start();
        file.periodEnd = header.period().end();
        file.status = header.status().name();
    }
}
