package org.parley.interviews.excerpt;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.parley.interviews.access.InterviewGate;
import org.parley.interviews.api.Attribution;
import org.parley.interviews.api.AttributionView;
import org.parley.interviews.api.CaseExcerpts;
import org.parley.interviews.api.CitedExcerpts;
import org.parley.interviews.api.ExcerptId;
import org.parley.interviews.api.ExcerptView;
import org.parley.interviews.api.ExcerptVisibilityApi;
import org.parley.interviews.api.Excerpts;
import org.parley.interviews.api.ExcerptsOpening;
import org.parley.interviews.api.Quote;
import org.parley.interviews.events.InterviewEvents;
import org.parley.interviews.interview.InterviewRecord;
import org.parley.interviews.interview.SealedContent;
import org.parley.interviews.problems.InterviewProblems;
import org.parley.interviews.questions.ResearchQuestions;
import org.parley.policy.CasePolicy;
import org.parley.policy.Grant;
import org.parley.policy.GrantScope;
import org.parley.policy.InterviewAccess;
import org.parley.policy.Viewer;
import org.parley.web.Preconditions;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Quotes marked for sharing with partners: proposed by a member, approved by the lead of every linked
 * case, and only ever within the interviewee's consent (quoting and sharing both allowed). Partners
 * with an EXCERPTS grant on every linked case read the approved ones, attributed as the consent allows.
 */
@ApplicationScoped
public class ExcerptService {

    static final String PROPOSED = "PROPOSED";
    static final String APPROVED = "APPROVED";

    /** At most this many interviews per answer: a case has a handful of shared interviews, not thousands. */
    static final int MAX_INTERVIEWS = 200;

    private final EntityManager entityManager;
    private final InterviewGate gate;
    private final SealedContent sealed;
    private final InterviewEvents events;

    @Inject
    public ExcerptService(
            EntityManager entityManager, InterviewGate gate, SealedContent sealed, InterviewEvents events) {
        this.entityManager = entityManager;
        this.gate = gate;
        this.sealed = sealed;
        this.events = events;
    }

    @Transactional
    public ExcerptView propose(Viewer viewer, String rawId, Integer quoteNumber, List<String> researchQuestions) {
        InterviewGate.Admitted admitted = gate.admit(viewer, rawId, InterviewAccess.CONTENT);
        InterviewRecord row = InterviewRecord.findById(admitted.id());
        List<Problem.FieldError> errors = new ArrayList<>();
        String[] questions = ResearchQuestions.checked("researchQuestions", researchQuestions, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        requireConsent(row);
        Quote quote = sealed.quotes(row).stream()
                .filter(q -> q.n() == quoteNumber.intValue())
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        Problems.invalid(List.of(new Problem.FieldError("quote", "no quote with this number")))));
        int inserted = entityManager
                .createNativeQuery("INSERT INTO interview_excerpt"
                        + " (interview_id, quote_number, status, proposed_by, research_questions)"
                        + " VALUES (?1, ?2, 'PROPOSED', ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, row.id)
                .setParameter(2, quote.n())
                .setParameter(3, viewer.subject())
                .setParameter(4, questions)
                .executeUpdate();
        if (inserted == 0) {
            throw new ProblemException(Problems.conflict("This quote is already proposed."));
        }
        events.excerptProposed(viewer, row.id, admitted.firstCaseId(), quote.n());
        return new ExcerptView(quote.n(), quote.text(), PROPOSED, attribution(row), ResearchQuestions.of(questions));
    }

    @Transactional
    public ExcerptView approve(Viewer viewer, String rawId, String rawNumber, Long ifMatch) {
        InterviewGate.Admitted admitted = gate.admit(viewer, rawId, InterviewAccess.CONTENT);
        if (!gate.leadsEveryCase(viewer, admitted)) {
            throw new ProblemException(Problems.forbidden("Only the lead of every linked case approves excerpts."));
        }
        long approvedFrom = Preconditions.required(ifMatch);
        // Locked before comparing: a change of the quote, consent, attribution or links cannot slip in between.
        InterviewRecord row = InterviewRecord.findById(admitted.id(), LockModeType.PESSIMISTIC_WRITE);
        if (approvedFrom != row.version) {
            throw Preconditions.preconditionFailed("interview");
        }
        Integer number = number(rawNumber);
        Object[] excerpt = number == null ? null : excerpt(row.id, number);
        if (excerpt == null) {
            throw Problems.notFoundException("excerpt");
        }
        requireConsent(row);
        Quote quote = sealed.quotes(row).stream()
                .filter(q -> q.n() == number.intValue())
                .findFirst()
                .orElseThrow(() -> Problems.notFoundException("excerpt"));
        if (!APPROVED.equals(excerpt[0])) {
            entityManager
                    .createNativeQuery("UPDATE interview_excerpt SET status = 'APPROVED', approved_by = ?1,"
                            + " approved_at = now() WHERE interview_id = ?2 AND quote_number = ?3")
                    .setParameter(1, viewer.subject())
                    .setParameter(2, row.id)
                    .setParameter(3, number)
                    .executeUpdate();
            events.excerptApproved(viewer, row.id, admitted.firstCaseId(), number);
        }
        return new ExcerptView(
                number, quote.text(), APPROVED, attribution(row), ResearchQuestions.ofColumn(excerpt[1]));
    }

    /**
     * Members see every excerpt with its status; EXCERPTS grantees see approved ones, and none at all
     * while the consent does not allow sharing. Either read is audited.
     */
    @Transactional
    public Excerpts list(Viewer viewer, String rawId) {
        InterviewGate.Admitted admitted = gate.admit(viewer, rawId, InterviewAccess.EXCERPTS);
        InterviewRecord row = InterviewRecord.findById(admitted.id());
        boolean member = admitted.access() == InterviewAccess.CONTENT;
        List<ExcerptView> items = member || row.allowsSharingQuotes() ? excerptsOf(row, !member) : List.of();
        events.restrictedRead(viewer, row.id, admitted.firstCaseId(), "EXCERPTS");
        return new Excerpts(row.id, items);
    }

    /**
     * For partners, who cannot search interviews: the approved excerpts of the interviews linked to a case,
     * keeping only interviews whose every linked case lets the caller read excerpts (the strictest case
     * governs, as for one interview) and whose consent allows sharing. Each interview read is audited.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public CaseExcerpts listForCase(Viewer viewer, String rawCaseId) {
        CasePolicy policy = gate.admitCaseExcerpts(viewer, rawCaseId);
        List<Object> interviewIds = entityManager
                .createNativeQuery("SELECT i.id FROM interview i"
                        + " JOIN interview_case_link l ON l.interview_id = i.id AND l.case_id = CAST(?1 AS uuid)"
                        + " WHERE EXISTS (SELECT 1 FROM interview_excerpt e"
                        + "   WHERE e.interview_id = i.id AND e.status = 'APPROVED')"
                        + " ORDER BY i.interview_month DESC, i.id LIMIT ?2")
                .setParameter(1, policy.caseId())
                .setParameter(2, MAX_INTERVIEWS)
                .getResultList();
        List<Excerpts> shared = new ArrayList<>();
        for (Object value : interviewIds) {
            UUID interviewId = (UUID) value;
            List<CasePolicy> linked = gate.linkedPolicies(interviewId);
            if (linked.isEmpty() || gate.accessTo(viewer, linked) == InterviewAccess.NONE) {
                continue;
            }
            InterviewRecord row = InterviewRecord.findById(interviewId);
            if (!row.allowsSharingQuotes()) {
                continue;
            }
            List<ExcerptView> items = excerptsOf(row, true);
            if (!items.isEmpty()) {
                shared.add(new Excerpts(interviewId, items));
                events.restrictedRead(viewer, interviewId, linked.get(0).caseId(), "EXCERPTS");
            }
        }
        return new CaseExcerpts(policy.caseId(), shared);
    }

    /** A user of the organisation asked about in a dry run: no role, on no team (not a Keycloak subject). */
    private static final String ANY_USER = "~any-user-of-the-organisation";

    /**
     * What an EXCERPTS grant to {@code organisation} on this case would newly show its users (see {@link
     * org.parley.interviews.api.CaseExcerptsApi#opening}): each interview's access decided on its linked cases
     * as they are and again with this case's policy widened by the grant. Nothing is decrypted (so nothing
     * is audited as read): numbers and months only.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public ExcerptsOpening opening(Viewer viewer, String rawCaseId, String organisation) {
        CasePolicy policy = gate.admitOwnerSecrecyAdmin(viewer, rawCaseId);
        if (organisation == null || organisation.isBlank() || organisation.length() > 200) {
            throw new ProblemException(Problems.invalid(
                    List.of(new Problem.FieldError("organisation", "name the organisation the grant is for"))));
        }
        Viewer partner = Viewer.signedIn(ANY_USER, organisation, Set.of());
        CasePolicy widened = policy.withGrant(new Grant(organisation, GrantScope.EXCERPTS, null));
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT i.id, i.interview_month, e.quote_number FROM interview i"
                        + " JOIN interview_case_link l ON l.interview_id = i.id AND l.case_id = CAST(?1 AS uuid)"
                        + " JOIN interview_excerpt e ON e.interview_id = i.id AND e.status = 'APPROVED'"
                        + " ORDER BY i.interview_month DESC, i.id, e.quote_number")
                .setParameter(1, policy.caseId())
                .getResultList();
        Map<UUID, Boolean> opens = new HashMap<>();
        List<ExcerptsOpening.Opened> opened = new ArrayList<>();
        for (Object[] row : rows) {
            UUID interviewId = (UUID) row[0];
            boolean interviewOpens = opens.computeIfAbsent(interviewId, id -> {
                if (!InterviewRecord.<InterviewRecord>findById(id).allowsSharingQuotes()) {
                    return false;
                }
                List<CasePolicy> linked = gate.linkedPolicies(id);
                List<CasePolicy> afterGrant = linked.stream()
                        .map(one -> one.caseId().equals(policy.caseId()) ? widened : one)
                        .toList();
                return !linked.isEmpty()
                        && !gate.accessTo(partner, linked).showsExcerpt(true, true)
                        && gate.accessTo(partner, afterGrant).showsExcerpt(true, true);
            });
            if (interviewOpens) {
                LocalDate month = row[1] instanceof LocalDate date ? date : ((java.sql.Date) row[1]).toLocalDate();
                opened.add(new ExcerptsOpening.Opened(
                        interviewId.toString(), YearMonth.from(month), ((Number) row[2]).intValue()));
            }
        }
        return new ExcerptsOpening(policy.caseId(), organisation, opened);
    }

    /**
     * The excerpts of {@code asked} this viewer may see, in the order asked (see {@link
     * InterviewAccess#showsExcerpt}): one access decision per interview, one query for its asked quotes. Unknown
     * and invisible excerpts are both left out; no text is decrypted, so no read is audited.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public CitedExcerpts visibleAmong(Viewer viewer, CitedExcerpts asked) {
        List<ExcerptId> excerpts = parsed(asked);
        Map<UUID, List<Integer>> quotesByInterview = excerpts.stream()
                .collect(Collectors.groupingBy(
                        ExcerptId::interview,
                        LinkedHashMap::new,
                        Collectors.mapping(ExcerptId::quote, Collectors.toList())));
        Set<ExcerptId> visible = new HashSet<>();
        quotesByInterview.forEach((interviewId, quotes) -> {
            List<CasePolicy> linked = gate.linkedPolicies(interviewId);
            InterviewAccess access = linked.isEmpty() ? InterviewAccess.NONE : gate.accessTo(viewer, linked);
            if (access == InterviewAccess.NONE) {
                return;
            }
            boolean shareable =
                    InterviewRecord.<InterviewRecord>findById(interviewId).allowsSharingQuotes();
            List<Object[]> rows = entityManager
                    .createNativeQuery("SELECT quote_number, status FROM interview_excerpt"
                            + " WHERE interview_id = ?1 AND quote_number = ANY(?2)")
                    .setParameter(1, interviewId)
                    .setParameter(2, quotes.toArray(Integer[]::new))
                    .getResultList();
            for (Object[] row : rows) {
                if (access.showsExcerpt(APPROVED.equals(row[1]), shareable)) {
                    visible.add(new ExcerptId(interviewId, ((Number) row[0]).intValue()));
                }
            }
        });
        return new CitedExcerpts(excerpts.stream()
                .filter(visible::contains)
                .distinct()
                .map(ExcerptId::toString)
                .toList());
    }

    /** The asked excerpts, or a 400 naming every entry that is not {@code <interview id>/<quote number>}. */
    private static List<ExcerptId> parsed(CitedExcerpts asked) {
        if (asked == null || asked.excerpts() == null) {
            throw new ProblemException(
                    Problems.invalid(List.of(new Problem.FieldError("excerpts", "must be a list of excerpts"))));
        }
        if (asked.excerpts().size() > ExcerptVisibilityApi.MAX_ASKED) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                    "excerpts", "must hold at most " + ExcerptVisibilityApi.MAX_ASKED + " excerpts"))));
        }
        List<ExcerptId> excerpts = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < asked.excerpts().size(); i++) {
            Optional<ExcerptId> excerpt = ExcerptId.parse(asked.excerpts().get(i));
            if (excerpt.isPresent()) {
                excerpts.add(excerpt.get());
            } else {
                errors.add(new Problem.FieldError(
                        "excerpts[" + i + "]", "must be an interview's id and a quote's number, <id>/<n>"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        return excerpts;
    }

    /** The interview's excerpts with their status, quote text and attribution; only approved ones if asked. */
    @SuppressWarnings("unchecked")
    private List<ExcerptView> excerptsOf(InterviewRecord row, boolean approvedOnly) {
        List<Object[]> excerpts = entityManager
                .createNativeQuery("SELECT quote_number, status, research_questions FROM interview_excerpt"
                        + " WHERE interview_id = ?1"
                        + (approvedOnly ? " AND status = 'APPROVED'" : "") + " ORDER BY quote_number")
                .setParameter(1, row.id)
                .getResultList();
        if (excerpts.isEmpty()) {
            return List.of();
        }
        Map<Integer, Quote> quotes =
                sealed.quotes(row).stream().collect(Collectors.toMap(Quote::n, Function.identity()));
        AttributionView attribution = attribution(row);
        List<ExcerptView> items = new ArrayList<>();
        for (Object[] excerpt : excerpts) {
            Quote quote = quotes.get(((Number) excerpt[0]).intValue());
            if (quote != null) {
                items.add(new ExcerptView(
                        quote.n(),
                        quote.text(),
                        (String) excerpt[1],
                        attribution,
                        ResearchQuestions.ofColumn(excerpt[2])));
            }
        }
        return items;
    }

    private void requireConsent(InterviewRecord row) {
        if (!row.allowsSharingQuotes()) {
            throw new ProblemException(InterviewProblems.unprocessable(
                    "consent-forbids-sharing",
                    "The interviewee's consent does not allow quoting this interview to partners."));
        }
    }

    private AttributionView attribution(InterviewRecord row) {
        Attribution attribution = row.consentAttribution;
        return switch (attribution) {
            case DESCRIPTOR -> new AttributionView(row.pseudonym, sealed.descriptor(row), null);
            case CATEGORY -> new AttributionView(null, null, row.category);
            case NONE -> null;
        };
    }

    /** The excerpt's status and research questions, or null when there is none. */
    @SuppressWarnings("unchecked")
    private Object[] excerpt(UUID interviewId, int number) {
        List<Object[]> found = entityManager
                .createNativeQuery("SELECT status, research_questions FROM interview_excerpt"
                        + " WHERE interview_id = ?1 AND quote_number = ?2")
                .setParameter(1, interviewId)
                .setParameter(2, number)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static Integer number(String raw) {
        try {
            int n = Integer.parseInt(raw);
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
