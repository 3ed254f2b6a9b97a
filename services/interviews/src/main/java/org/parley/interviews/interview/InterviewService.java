package org.parley.interviews.interview;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.parley.interviews.access.InterviewGate;
import org.parley.interviews.api.InterviewView;
import org.parley.interviews.api.Quote;
import org.parley.interviews.api.Theme;
import org.parley.interviews.config.InterviewsConfig;
import org.parley.interviews.events.InterviewEvents;
import org.parley.interviews.excerpt.ExcerptWithdrawals;
import org.parley.interviews.history.VersionHistory;
import org.parley.interviews.questions.ResearchQuestions;
import org.parley.interviews.vault.IdentityVault;
import org.parley.policy.CasePolicy;
import org.parley.policy.InterviewAccess;
import org.parley.policy.RecordIds;
import org.parley.policy.Role;
import org.parley.policy.Viewer;
import org.parley.proto.v1.ExcerptWithdrawal;
import org.parley.web.Preconditions;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/** Recording, changing and reading interviews. Every read and write goes through {@link InterviewGate}. */
@ApplicationScoped
public class InterviewService {

    private static final Logger LOG = Logger.getLogger(InterviewService.class);
    /** The same words for a case that does not exist and one the author may not link: no tell. */
    static final String NOT_LINKABLE = "no case you may link has this id";

    private final Clock clock;
    private final EntityManager entityManager;
    private final SealedContent sealed;
    private final IdentityVault vault;
    private final InterviewGate gate;
    private final InterviewEvents events;
    private final ExcerptWithdrawals excerpts;
    private final InterviewsConfig config;
    private final VersionHistory history;

    @Inject
    public InterviewService(
            Clock clock,
            EntityManager entityManager,
            SealedContent sealed,
            IdentityVault vault,
            InterviewGate gate,
            InterviewEvents events,
            ExcerptWithdrawals excerpts,
            InterviewsConfig config,
            VersionHistory history) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.sealed = sealed;
        this.vault = vault;
        this.gate = gate;
        this.events = events;
        this.excerpts = excerpts;
        this.config = config;
        this.history = history;
    }

    @Transactional
    public InterviewView record(Viewer viewer, NewInterview body) {
        requireStaff(viewer);
        List<Problem.FieldError> errors = new ArrayList<>();
        Checked checked = check(body, linkableBy(viewer), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        return store(viewer, checked, null);
    }

    /** Who may record interviews, one by one or by import: staff. */
    public static void requireStaff(Viewer viewer) {
        if (!viewer.has(Role.STAFF)) {
            throw new ProblemException(Problems.forbidden("Only staff record interviews."));
        }
    }

    /** Whether the viewer may link an interview to a case: false alike for unknown and invisible cases. */
    public Predicate<UUID> linkableBy(Viewer viewer) {
        return caseId -> gate.mayLink(viewer, caseId);
    }

    /** A new interview that passed {@link #check}, with what the checks worked out, ready to {@link #store}. */
    public record Checked(
            NewInterview body,
            String notes,
            String transcript,
            List<Quote> quotes,
            List<String> cases,
            String[] questions) {
        @Override
        public String toString() {
            return "Checked[redacted]";
        }
    }

    /**
     * The checks Bean Validation cannot make (country code, sizes, quote numbers, linkable cases, research
     * questions), each refusal added to {@code errors}; what to store when none was added.
     */
    public Checked check(NewInterview body, Predicate<UUID> linkable, List<Problem.FieldError> errors) {
        checkCountry(body.country(), errors);
        String notes = Objects.requireNonNullElse(body.notes(), "");
        String transcript = Objects.requireNonNullElse(body.transcript(), "");
        checkSizes(notes, transcript, errors);
        List<Quote> quotes = numbered(body.quotes(), errors);
        checkLinks(linkable, body.linkedCases(), Set.of(), errors);
        String[] questions = ResearchQuestions.checked("researchQuestions", body.researchQuestions(), errors);
        return new Checked(body, notes, transcript, quotes, canonicalCases(body.linkedCases()), questions);
    }

    /**
     * Stores a checked interview in the caller's transaction: its row (content sealed), its links, its identity
     * in the vault (same database, same transaction) and its events. {@code externalReference} is the importer's,
     * null when recorded one by one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public InterviewView store(Viewer viewer, Checked checked, @Nullable String externalReference) {
        NewInterview body = checked.body();
        List<String> cases = checked.cases();
        InterviewRecord row = new InterviewRecord();
        row.id = UUID.randomUUID();
        row.pseudonym = body.pseudonym().strip();
        row.category = body.category();
        row.month = Formats.firstDayOf(body.date());
        row.country = body.country();
        row.mode = body.mode();
        row.language = body.language();
        row.interviewers = interviewers(body.interviewers(), viewer);
        row.themes = themes(body.themes());
        row.researchQuestions = checked.questions();
        applyConsent(row, body.consent());
        row.authorSubject = viewer.subject();
        row.authorOrganisation = viewer.organisation();
        row.externalReference = externalReference;
        row.version = 1;
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        SealedContent.Content content = new SealedContent.Content(
                body.descriptor().strip(), checked.notes(), checked.transcript(), checked.quotes());
        sealed.seal(row, content);
        row.persistAndFlush();
        insertLinks(row.id, cases);
        if (body.identity() != null) {
            vault.store(row.id, body.identity());
        }
        events.recorded(viewer, row.id, cases, row.version);
        history.record(viewer, row.id, row.version, row.createdAt, List.of());
        LOG.infof("interview %s recorded, %d linked cases", row.id, cases.size());
        return view(row, content, cases);
    }

    @Transactional
    public InterviewView read(Viewer viewer, String rawId) {
        InterviewGate.Admitted admitted = gate.admit(viewer, rawId, InterviewAccess.CONTENT);
        InterviewRecord row = InterviewRecord.findById(admitted.id());
        InterviewView view = view(row, sealed.open(row), caseIds(admitted.cases()));
        events.restrictedRead(viewer, row.id, admitted.firstCaseId(), "CONTENT");
        return view;
    }

    /**
     * Applies a change made from the version {@code ifMatch}. Checks in order: the interview as the caller
     * may know it (404, 403 for partners), then the precondition (428 without If-Match, 412 when another
     * version), then the fields (400): a caller who may not know the interview never learns of it from a
     * missing header.
     */
    @Transactional
    public InterviewView update(Viewer viewer, String rawId, Long ifMatch, InterviewPatch patch) {
        InterviewGate.Admitted admitted = gate.admit(viewer, rawId, InterviewAccess.CONTENT);
        long madeFrom = Preconditions.required(ifMatch);
        // Locked before comparing, so a concurrent change cannot slip between the check and this one.
        InterviewRecord row = InterviewRecord.findById(admitted.id(), LockModeType.PESSIMISTIC_WRITE);
        if (madeFrom != row.version) {
            throw Preconditions.preconditionFailed("interview");
        }
        SealedContent.Content before = sealed.open(row);
        ExcerptWithdrawals.SharedAs sharedBefore = ExcerptWithdrawals.SharedAs.of(row, before.descriptor());
        List<String> casesBefore = caseIds(admitted.cases());
        InterviewView viewBefore = view(row, before, casesBefore);

        List<Problem.FieldError> errors = new ArrayList<>();
        if (patch.country() != null) {
            checkCountry(patch.country(), errors);
        }
        String notes = patch.notes() == null ? before.notes() : patch.notes();
        String transcript = patch.transcript() == null ? before.transcript() : patch.transcript();
        checkSizes(notes, transcript, errors);
        List<Quote> quotes = patch.quotes() == null ? before.quotes() : numbered(patch.quotes(), errors);
        List<String> cases = casesBefore;
        List<String> added = List.of();
        if (patch.linkedCases() != null) {
            checkLinks(linkableBy(viewer), patch.linkedCases(), new HashSet<>(casesBefore), errors);
            cases = canonicalCases(patch.linkedCases());
            added = cases.stream().filter(c -> !casesBefore.contains(c)).toList();
        }
        String[] questions = patch.researchQuestions() == null
                ? row.researchQuestions
                : ResearchQuestions.checked("researchQuestions", patch.researchQuestions(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }

        if (patch.pseudonym() != null) {
            row.pseudonym = patch.pseudonym().strip();
        }
        if (patch.category() != null) {
            row.category = patch.category();
        }
        if (patch.date() != null) {
            row.month = Formats.firstDayOf(patch.date());
        }
        if (patch.country() != null) {
            row.country = patch.country();
        }
        if (patch.mode() != null) {
            row.mode = patch.mode();
        }
        if (patch.language() != null) {
            row.language = patch.language();
        }
        if (patch.interviewers() != null) {
            row.interviewers = interviewers(patch.interviewers(), viewer);
        }
        if (patch.themes() != null) {
            row.themes = themes(patch.themes());
        }
        row.researchQuestions = questions;
        if (patch.consent() != null) {
            applyConsent(row, patch.consent());
        }
        String descriptor = patch.descriptor() == null
                ? before.descriptor()
                : patch.descriptor().strip();
        SealedContent.Content after = new SealedContent.Content(descriptor, notes, transcript, quotes);
        sealed.seal(row, after);
        row.version++;
        row.updatedAt = now();

        boolean relinked = !cases.equals(casesBefore);
        if (relinked) {
            entityManager
                    .createNativeQuery("DELETE FROM interview_case_link WHERE interview_id = ?1")
                    .setParameter(1, row.id)
                    .executeUpdate();
            insertLinks(row.id, cases);
        }
        InterviewView viewAfter = view(row, after, cases);
        history.record(viewer, row.id, row.version, row.updatedAt, VersionHistory.changedFields(viewBefore, viewAfter));
        events.updated(viewer, row.id, cases, row.version);
        events.linked(viewer, row.id, added, cases, row.version);
        // What partners see must stay what the leads approved: in this transaction, an approved excerpt
        // whose quote changed is dropped, and the others go back to proposed when the consent or the
        // attribution changed (the consent's withdrawal first among the reasons) or when the linked cases
        // changed (the approval came from the leads of the old set).
        if (patch.quotes() != null) {
            excerpts.dropExcerptsOf(viewer, row.id, cases.get(0), changedQuotes(before.quotes(), quotes));
        }
        ExcerptWithdrawal withdrawal = sharedBefore
                .withdrawalTo(ExcerptWithdrawals.SharedAs.of(row, descriptor))
                .orElse(null);
        if (relinked && withdrawal != ExcerptWithdrawal.CONSENT_WITHDRAWN) {
            withdrawal = ExcerptWithdrawal.LINKS_CHANGED;
        }
        if (withdrawal != null) {
            excerpts.backToProposed(viewer, row.id, cases.get(0), withdrawal);
        }
        return viewAfter;
    }

    /** The numbers of the quotes that were removed or reworded: their excerpts are not what was proposed. */
    private static List<Integer> changedQuotes(List<Quote> before, List<Quote> after) {
        Map<Integer, String> now = new HashMap<>();
        after.forEach(quote -> now.put(quote.n(), quote.text()));
        return before.stream()
                .filter(quote -> !quote.text().equals(now.get(quote.n())))
                .map(Quote::n)
                .toList();
    }

    private static void checkLinks(
            Predicate<UUID> linkable,
            List<String> requested,
            Set<String> alreadyLinked,
            List<Problem.FieldError> errors) {
        for (int i = 0; i < requested.size(); i++) {
            Optional<UUID> id = RecordIds.parse(requested.get(i));
            if (id.isPresent() && alreadyLinked.contains(id.get().toString())) {
                continue;
            }
            if (id.isEmpty() || !linkable.test(id.get())) {
                errors.add(new Problem.FieldError("linkedCases[" + i + "]", NOT_LINKABLE));
            }
        }
    }

    private void checkCountry(String country, List<Problem.FieldError> errors) {
        if (country != null && country.matches(Formats.COUNTRY) && !Formats.isCountry(country)) {
            errors.add(new Problem.FieldError("country", "must be an ISO 3166-1 alpha-2 code"));
        }
    }

    private void checkSizes(String notes, String transcript, List<Problem.FieldError> errors) {
        int notesLimit = config.limits().notesBytes();
        int transcriptLimit = config.limits().transcriptBytes();
        if (notes.getBytes(StandardCharsets.UTF_8).length > notesLimit) {
            errors.add(new Problem.FieldError("notes", "must be at most " + notesLimit + " bytes"));
        }
        if (transcript.getBytes(StandardCharsets.UTF_8).length > transcriptLimit) {
            errors.add(new Problem.FieldError("transcript", "must be at most " + transcriptLimit + " bytes"));
        }
    }

    /** Quotes without a number are numbered after the highest given (from 1 when none is). */
    static List<Quote> numbered(List<QuoteInput> quotes, List<Problem.FieldError> errors) {
        if (quotes == null) {
            return List.of();
        }
        int next = quotes.stream()
                        .filter(q -> q.n() != null)
                        .mapToInt(QuoteInput::n)
                        .max()
                        .orElse(0)
                + 1;
        Set<Integer> seen = new HashSet<>();
        List<Quote> numbered = new ArrayList<>();
        for (int i = 0; i < quotes.size(); i++) {
            QuoteInput quote = quotes.get(i);
            int n = quote.n() == null ? next++ : quote.n();
            if (!seen.add(n)) {
                errors.add(new Problem.FieldError("quotes[" + i + "].n", "duplicate quote number"));
            }
            numbered.add(new Quote(n, quote.text()));
        }
        return numbered;
    }

    private static List<String> canonicalCases(List<String> requested) {
        Set<String> cases = new LinkedHashSet<>();
        for (String raw : requested) {
            RecordIds.parse(raw).ifPresent(id -> cases.add(id.toString()));
        }
        return List.copyOf(cases);
    }

    private void insertLinks(UUID interviewId, List<String> cases) {
        for (int i = 0; i < cases.size(); i++) {
            entityManager
                    .createNativeQuery(
                            "INSERT INTO interview_case_link (interview_id, case_id, position) VALUES (?1, ?2, ?3)")
                    .setParameter(1, interviewId)
                    .setParameter(2, UUID.fromString(cases.get(i)))
                    .setParameter(3, i)
                    .executeUpdate();
        }
    }

    private static String[] interviewers(List<String> given, Viewer author) {
        if (given == null || given.isEmpty()) {
            return new String[] {author.subject()};
        }
        return given.stream().map(String::strip).distinct().toArray(String[]::new);
    }

    private static String[] themes(List<Theme> given) {
        if (given == null) {
            return new String[0];
        }
        return given.stream().distinct().map(Theme::name).toArray(String[]::new);
    }

    private static void applyConsent(InterviewRecord row, ConsentInput consent) {
        row.consentMayQuote = consent.mayQuote();
        row.consentAttribution = consent.attribution();
        row.consentMayShare = consent.mayShareWithPartners();
    }

    private static List<String> caseIds(List<CasePolicy> cases) {
        return cases.stream().map(CasePolicy::caseId).toList();
    }

    private Instant now() {
        // Microseconds: what PostgreSQL keeps, so a view and a later read agree.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static InterviewView view(InterviewRecord row, SealedContent.Content content, List<String> cases) {
        return new InterviewView(
                row.id,
                row.version,
                row.pseudonym,
                content.descriptor(),
                row.category,
                Formats.monthOf(row.month),
                row.country,
                List.of(row.interviewers),
                row.mode,
                row.language,
                cases,
                row.consent(),
                Arrays.stream(row.themes).map(Theme::valueOf).toList(),
                ResearchQuestions.of(row.researchQuestions),
                content.notes(),
                content.transcript(),
                content.quotes(),
                row.createdAt,
                row.updatedAt);
    }
}
