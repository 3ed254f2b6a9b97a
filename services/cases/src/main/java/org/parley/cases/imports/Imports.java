package org.parley.cases.imports;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import org.hibernate.Session;
import org.parley.cases.api.ImportAction;
import org.parley.cases.api.ImportReport;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.casefile.ImportWrites;
import org.parley.gate.CaseGate;
import org.parley.gate.PolicySource;
import org.parley.policy.Action;
import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Viewer;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Bulk imports: each row matched by its external reference, planned (CREATE, UPDATE, UNCHANGED or ERROR), and, in a
 * real import with no refused row, written, all in ONE transaction, so a file imports whole or not at all.
 *
 * <p>Matching never leaks. A row's reference is looked up only among the cases the importer may know exist (the
 * policy's decision, as for the list and every case view): a case they may not know exists with the same reference,
 * made by someone else, is no match, and the row creates a new case exactly as if that case did not exist. Were it
 * otherwise, an import would be an oracle: try a reference, learn that some hidden case carries it. So the stored
 * key is (creator, reference), unique per creator: two people's references never collide, and a rerun by the same
 * importer finds what they made. A visible match they may not edit is refused by name ("not on this case's team"),
 * which tells them nothing the list does not. One case is answered otherwise: a case the importer made with this
 * reference and may no longer see blocks the row (the key is taken); it tells them only that their own earlier
 * import still exists, which they knew (docs/threat-model.md, "bulk import").
 */
@ApplicationScoped
public class Imports {

    /** The advisory lock class of imports ({@code pg_advisory_xact_lock(IMPORT_LOCK, hashtext(subject))}). */
    private static final int IMPORT_LOCK = 20;

    private final ImportWrites writes;
    private final ImportLedger ledger;
    private final PolicySource policies;
    private final CaseGate access;
    private final EntityManager entityManager;
    private final Clock clock;

    @Inject
    public Imports(
            ImportWrites writes,
            ImportLedger ledger,
            PolicySource policies,
            CaseGate access,
            EntityManager entityManager,
            Clock clock) {
        this.writes = writes;
        this.ledger = ledger;
        this.policies = policies;
        this.access = access;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** A case with the row's reference, and what the importer may do with it. */
    private record Match(UUID id, String creator, boolean visible, boolean onTeam) {}

    /** One row planned: its report line, and what to write for it. */
    private record Planned(
            ImportedRow row,
            ImportAction action,
            UUID caseId,
            ImportWrites.Sections stored,
            ImportWrites.Sections given,
            ImportWrites.Changes changes,
            List<ImportReport.FieldError> errors) {}

    /**
     * Plans every row and, unless {@code dryRun} or a row is refused, writes them all. The answer is the report; a
     * real import with a refused row wrote nothing (its caller answers 422).
     */
    @Transactional
    // 1,000 new cases take tens of seconds (measured: 26 s with one timeline entry each on a busy 2-core machine),
    // near the 60 s default: an import must not fail for being as large as it may be.
    @TransactionConfiguration(timeout = 600)
    public ImportReport run(Viewer importer, String format, List<ImportedRow> rows, boolean dryRun) {
        access.refuseWhileStale();
        refuseRepeatedReferences(rows);
        if (!dryRun) {
            // One import at a time per importer: two runs of one file cannot both create its cases.
            entityManager
                    .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) AS locked")
                    .setParameter(1, IMPORT_LOCK)
                    .setParameter(2, importer.subject())
                    .getSingleResult();
        }
        Instant now = clock.instant();
        Map<String, List<Match>> matches = matches(importer, rows, now);
        List<Planned> plans = new ArrayList<>();
        for (ImportedRow row : rows) {
            plans.add(plan(importer, row, matches.getOrDefault(row.reference(), List.of()), !dryRun));
        }
        boolean refused = plans.stream().anyMatch(plan -> plan.action() == ImportAction.ERROR);
        if (dryRun || refused) {
            return report(dryRun, plans, Map.of());
        }
        Map<ImportedRow, UUID> created = new IdentityHashMap<>();
        for (Planned plan : plans) {
            switch (plan.action()) {
                case CREATE ->
                    created.put(
                            plan.row(),
                            writes.create(importer, plan.given(), plan.row().reference()));
                case UPDATE -> writes.update(importer, plan.caseId(), plan.stored(), plan.given(), plan.changes());
                case UNCHANGED, ERROR -> {}
            }
        }
        ImportReport report = report(false, plans, created);
        ledger.record(importer, format, rows.size(), report);
        return report;
    }

    private static void refuseRepeatedReferences(List<ImportedRow> rows) {
        Map<String, Integer> first = new HashMap<>();
        List<Problem.FieldError> repeated = new ArrayList<>();
        for (ImportedRow row : rows) {
            if (row.reference() == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(row.reference(), row.number());
            if (earlier != null) {
                repeated.add(new Problem.FieldError(
                        "row " + row.number() + ", " + ImportedRow.EXTERNAL_REFERENCE,
                        "repeats the external reference of row " + earlier + ": each case of a file needs its own"));
            }
        }
        if (!repeated.isEmpty()) {
            throw new ProblemException(Problems.invalid(repeated));
        }
    }

    /** Every case not deleted carrying one of the file's references, with the importer's decision on each. */
    private Map<String, List<Match>> matches(Viewer importer, List<ImportedRow> rows, Instant now) {
        String[] references = rows.stream()
                .map(ImportedRow::reference)
                .filter(reference -> reference != null)
                .distinct()
                .toArray(String[]::new);
        Map<String, List<Match>> matches = new HashMap<>();
        if (references.length == 0) {
            return matches;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT id, created_by, external_reference FROM case_file"
                            + " WHERE external_reference = ANY (?) AND deleted_at IS NULL")) {
                Array array = connection.createArrayOf("text", references);
                statement.setArray(1, array);
                try (ResultSet found = statement.executeQuery()) {
                    while (found.next()) {
                        UUID id = found.getObject(1, UUID.class);
                        Optional<CasePolicy> policy = policies.find(id);
                        Decision decision = policy.map(p -> SecrecyRules.decide(importer, p, now))
                                .orElse(null);
                        boolean visible = decision != null && decision.knowsExists();
                        boolean onTeam =
                                visible && SecrecyRules.mayPerform(importer, policy.get(), Action.EDIT_SECTION, now);
                        matches.computeIfAbsent(found.getString(3), reference -> new ArrayList<>())
                                .add(new Match(id, found.getString(2), visible, onTeam));
                    }
                }
            }
        });
        return matches;
    }

    private Planned plan(Viewer importer, ImportedRow row, List<Match> matches, boolean lock) {
        List<ImportReport.FieldError> errors = new ArrayList<>(row.readErrors());
        if (row.reference() == null || !errors.isEmpty()) {
            return refused(row, null, errors);
        }
        List<Match> team = matches.stream().filter(Match::onTeam).toList();
        List<Match> seen = matches.stream().filter(Match::visible).toList();
        if (team.size() > 1) {
            errors.add(new ImportReport.FieldError(
                    ImportedRow.EXTERNAL_REFERENCE,
                    "matches " + team.size() + " cases of your team: give the row the reference of one only"));
            return refused(row, null, errors);
        }
        if (team.size() == 1) {
            UUID id = team.get(0).id();
            Optional<ImportWrites.Sections> stored = writes.stored(id, lock);
            if (stored.isPresent()) {
                ImportWrites.Sections given = row.sections(stored.get(), errors);
                if (given != null) {
                    errors.addAll(fieldErrors(writes.problems(given, false)));
                }
                if (!errors.isEmpty()) {
                    return refused(row, id, errors);
                }
                ImportWrites.Changes changes = writes.changes(stored.get(), given);
                if (stored.get().timeline().size() + changes.newEntries().size() > CaseService.TIMELINE_LIMIT) {
                    errors.add(new ImportReport.FieldError(
                            "process.timeline", "would hold more than " + CaseService.TIMELINE_LIMIT + " entries"));
                    return refused(row, id, errors);
                }
                ImportAction action = changes.none() ? ImportAction.UNCHANGED : ImportAction.UPDATE;
                return new Planned(row, action, id, stored.get(), given, changes, List.of());
            }
        }
        if (!seen.isEmpty() && team.isEmpty()) {
            errors.add(new ImportReport.FieldError(ImportedRow.EXTERNAL_REFERENCE, "you are not on this case's team"));
            return refused(row, seen.size() == 1 ? seen.get(0).id() : null, errors);
        }
        // The importer's own case, now hidden from them, holds the key (creator, reference): see the class comment.
        if (matches.stream()
                .anyMatch(match -> !match.visible() && importer.subject().equals(match.creator()))) {
            errors.add(new ImportReport.FieldError(
                    ImportedRow.EXTERNAL_REFERENCE,
                    "you imported a case with this reference before: give this row another reference"));
            return refused(row, null, errors);
        }
        ImportWrites.Sections given = row.sections(null, errors);
        if (given != null) {
            errors.addAll(fieldErrors(writes.problems(given, true)));
        }
        if (!errors.isEmpty()) {
            return refused(row, null, errors);
        }
        return new Planned(row, ImportAction.CREATE, null, null, given, null, List.of());
    }

    private static List<ImportReport.FieldError> fieldErrors(List<Problem.FieldError> problems) {
        return problems.stream()
                .map(problem -> new ImportReport.FieldError(problem.field(), problem.message()))
                .toList();
    }

    private static Planned refused(ImportedRow row, UUID caseId, List<ImportReport.FieldError> errors) {
        return new Planned(row, ImportAction.ERROR, caseId, null, null, null, List.copyOf(errors));
    }

    private static ImportReport report(boolean dryRun, List<Planned> plans, Map<ImportedRow, UUID> created) {
        List<ImportReport.Row> rows = new ArrayList<>(plans.size());
        for (Planned plan : plans) {
            UUID caseId = plan.action() == ImportAction.CREATE ? created.get(plan.row()) : plan.caseId();
            rows.add(new ImportReport.Row(
                    plan.row().number(),
                    plan.row().reference(),
                    plan.action(),
                    caseId == null ? null : caseId.toString(),
                    plan.errors()));
        }
        return ImportReport.of(dryRun, rows);
    }
}
