package org.parley.interviews.imports;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.parley.interviews.api.ImportAction;
import org.parley.interviews.api.ImportReport;
import org.parley.interviews.api.ImportRow;
import org.parley.interviews.config.InterviewsConfig;
import org.parley.interviews.interview.InterviewService;
import org.parley.interviews.interview.NewInterview;
import org.parley.policy.Viewer;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.ProblemMappers;
import org.parley.web.Problems;
import org.parley.web.RequestJson;
import org.parley.web.VisibleText;

/**
 * POST /interviews/import: each row of the file gets the checks POST /interviews makes ({@link InterviewService#check}),
 * then a real import stores every row in the request's one transaction (content sealed, identity in the vault, which
 * is a table of the same database, events in the outbox), or none. Idempotent by (author, external reference): a
 * reference the author already imported is UNCHANGED, never updated.
 */
@ApplicationScoped
public class InterviewImport {

    private static final Logger LOG = Logger.getLogger(InterviewImport.class);
    /** The first key of the two-key advisory locks that keep one author's real imports one at a time. */
    private static final int IMPORT_LOCK = 20;

    static final String REFERENCE = "externalReference";

    private final InterviewService interviews;
    private final EntityManager entityManager;
    private final Validator validator;
    private final ObjectMapper plain;
    private final ObjectMapper checked;
    private final InterviewsConfig config;

    @Inject
    public InterviewImport(
            InterviewService interviews,
            EntityManager entityManager,
            Validator validator,
            ObjectMapper json,
            InterviewsConfig config) {
        this.interviews = interviews;
        this.entityManager = entityManager;
        this.validator = validator;
        this.plain = json;
        // The edge's text checks, applied row by row: a control character refuses its row, not the whole file.
        this.checked = json.copy().registerModule(RequestJson.textChecks());
        this.config = config;
    }

    /** The importer's reference of a row, checked like any text field. */
    public record Reference(
            @NotBlank @VisibleText @Size(max = 200) String externalReference) {}

    /** A row as read: its reference (when one could be read), the interview ready to store, or its errors. */
    private static final class Row {
        final int number;

        @Nullable
        String reference;

        InterviewService.@Nullable Checked interview;

        @Nullable
        UUID existing;

        final List<Problem.FieldError> errors = new ArrayList<>();

        Row(int number) {
            this.number = number;
        }
    }

    // One transaction for the whole file: 500 rows took 15 s on a shared 2-core test machine, so the 60 s default
    // would leave a slower one little margin.
    @Transactional
    @TransactionConfiguration(timeout = 300)
    public ImportReport run(Viewer viewer, byte[] file, boolean dryRun) {
        InterviewService.requireStaff(viewer);
        List<JsonNode> documents = documents(file);
        if (!dryRun) {
            // Two imports of one file at once would both find its references new; the second waits here and then
            // finds them imported. (The unique index would refuse it anyway, but as a failed commit.)
            lockImportsOf(viewer.subject());
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            rows.add(readReference(i + 1, documents.get(i), firstRowOf));
        }
        Map<String, UUID> imported = alreadyImported(viewer.subject(), firstRowOf.keySet());
        Predicate<UUID> linkable = remembered(interviews.linkableBy(viewer));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            row.existing = row.errors.isEmpty() ? imported.get(row.reference) : null;
            if (row.existing == null && documents.get(i) instanceof ObjectNode document) {
                readInterview(row, document, linkable);
            }
        }
        long inError = rows.stream().filter(row -> !row.errors.isEmpty()).count();
        LOG.infof("import by %s: %d rows, %d in error, dry run %s", viewer.subject(), rows.size(), inError, dryRun);
        if (dryRun) {
            return report(true, rows, Map.of());
        }
        if (inError > 0) {
            throw new ImportRefused(report(false, rows, Map.of()));
        }
        Map<Integer, UUID> created = new HashMap<>();
        for (Row row : rows) {
            if (row.interview != null) {
                created.put(
                        row.number,
                        interviews.store(viewer, row.interview, row.reference).id());
            }
        }
        return report(false, rows, created);
    }

    /** The file's rows; a file that is not a JSON array of at most the limit's rows is refused whole (400). */
    private List<JsonNode> documents(byte @Nullable [] file) {
        if (file == null || file.length == 0) {
            throw new ProblemException(Problems.badRequest("The file is empty."));
        }
        JsonNode tree;
        try {
            tree = plain.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(file);
        } catch (IOException e) {
            // Jackson's message may quote the file: never passed on.
            throw new ProblemException(Problems.badRequest("The file is not well-formed JSON."));
        }
        if (tree == null || !tree.isArray()) {
            throw new ProblemException(Problems.badRequest("The file must be a JSON array of interviews."));
        }
        int limit = config.limits().importRows();
        if (tree.isEmpty()) {
            throw new ProblemException(Problems.badRequest("The file holds no interviews."));
        }
        if (tree.size() > limit) {
            throw new ProblemException(Problems.badRequest("The file holds " + tree.size() + " rows; at most " + limit
                    + " rows can be imported at once. Split it into several files."));
        }
        List<JsonNode> documents = new ArrayList<>(tree.size());
        tree.forEach(documents::add);
        return documents;
    }

    /** The row's reference, checked and unique in the file; taken out of the document, which POST /interviews takes. */
    private Row readReference(int number, JsonNode document, Map<String, Integer> firstRowOf) {
        Row row = new Row(number);
        if (!(document instanceof ObjectNode object)) {
            row.errors.add(new Problem.FieldError("row", "must be an interview (a JSON object)"));
            return row;
        }
        ObjectNode reference = plain.createObjectNode();
        reference.set(REFERENCE, object.remove(REFERENCE));
        bind(reference, Reference.class, row.errors).ifPresent(read -> {
            Integer first = firstRowOf.putIfAbsent(read.externalReference(), number);
            if (first != null) {
                row.errors.add(new Problem.FieldError(REFERENCE, "repeats the reference of row " + first));
            }
            row.reference = read.externalReference();
        });
        return row;
    }

    /** The checks POST /interviews makes, in the same words; the interview ready to store when it passes. */
    private void readInterview(Row row, ObjectNode document, Predicate<UUID> linkable) {
        bind(document, NewInterview.class, row.errors).ifPresent(body -> {
            List<Problem.FieldError> found = new ArrayList<>();
            InterviewService.Checked interview = interviews.check(body, linkable, found);
            row.errors.addAll(found);
            if (row.errors.isEmpty()) {
                row.interview = interview;
            }
        });
    }

    /** Binds and validates like the HTTP edge does a body, each refusal naming its field, never its value. */
    private <T> Optional<T> bind(ObjectNode document, Class<T> type, List<Problem.FieldError> errors) {
        T value;
        try {
            value = checked.treeToValue(document, type);
        } catch (JsonProcessingException e) {
            errors.add(ProblemMappers.fieldError(e).orElseGet(() -> new Problem.FieldError("row", "invalid value")));
            return Optional.empty();
        }
        List<Problem.FieldError> violations = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            violations.add(new Problem.FieldError(
                    violation.getPropertyPath().toString().replace(".<list element>", ""), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.FieldError::field));
        errors.addAll(violations);
        return violations.isEmpty() ? Optional.of(value) : Optional.empty();
    }

    private void lockImportsOf(String author) {
        entityManager
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) AS locked")
                .setParameter(1, IMPORT_LOCK)
                .setParameter(2, author)
                .getSingleResult();
    }

    /** The author's interviews already imported under these references. */
    private Map<String, UUID> alreadyImported(String author, Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT external_reference, id FROM interview"
                    + " WHERE author_subject = ? AND external_reference = ANY (?)")) {
                select.setString(1, author);
                select.setArray(2, connection.createArrayOf("text", references.toArray()));
                Map<String, UUID> found = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), rows.getObject(2, UUID.class));
                    }
                }
                return found;
            }
        });
    }

    /** Each case looked up once per import, however many rows link it. */
    private static Predicate<UUID> remembered(Predicate<UUID> linkable) {
        Map<UUID, Boolean> answers = new HashMap<>();
        return caseId -> answers.computeIfAbsent(caseId, linkable::test);
    }

    private static ImportReport report(boolean dryRun, List<Row> rows, Map<Integer, UUID> created) {
        List<ImportRow> report = new ArrayList<>();
        int creating = 0;
        int unchanged = 0;
        int inError = 0;
        for (Row row : rows) {
            ImportAction action;
            UUID interviewId = null;
            if (!row.errors.isEmpty()) {
                action = ImportAction.ERROR;
                inError++;
            } else if (row.existing != null) {
                action = ImportAction.UNCHANGED;
                interviewId = row.existing;
                unchanged++;
            } else {
                action = ImportAction.CREATE;
                interviewId = created.get(row.number);
                creating++;
            }
            report.add(new ImportRow(
                    row.number,
                    row.reference,
                    action,
                    interviewId,
                    row.errors.stream()
                            .map(error -> new ImportRow.FieldError(error.field(), error.message()))
                            .toList()));
        }
        return new ImportReport(dryRun, report, creating, unchanged, inError);
    }
}
