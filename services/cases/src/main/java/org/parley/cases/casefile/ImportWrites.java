package org.parley.cases.casefile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.TimelineEntry;
import org.parley.cases.api.TimelineKind;
import org.parley.cases.api.codebook.WrittenDate;
import org.parley.cases.coded.Citations;
import org.parley.cases.content.ContentValidator;
import org.parley.cases.content.Context;
import org.parley.cases.content.NewTimelineEntry;
import org.parley.cases.content.Process;
import org.parley.cases.content.Results;
import org.parley.policy.Section;
import org.parley.policy.Viewer;
import org.parley.web.Problem;
import org.parley.web.ProblemException;

/**
 * What a bulk import writes, with {@link CaseService}'s own checks, writes and events: a new case is opened as
 * {@code POST /cases} opens it, a changed section is written as {@code PUT /cases/{id}/coded/{section}} writes it
 * (one version and one {@code CaseSectionEdited} per section), a new timeline entry is added as {@code POST
 * /cases/{id}/process/timeline} adds it. Nothing here decides who may do it: the import has, before.
 */
@ApplicationScoped
public class ImportWrites {

    /**
     * A case's sections in the codebook's shape, as an import gives them or the case holds them; a null section is
     * one not given (left as it is). {@code header} has no tier nor release (the access service's); {@code process}
     * has no timeline: {@code timeline} holds its entries ({@code date} as written, {@code kind}, {@code summary}).
     */
    public record Sections(
            ObjectNode header, ObjectNode context, ObjectNode process, ObjectNode results, List<ObjectNode> timeline) {}

    /** What an import changes in a case: the sections whose documents differ, and the timeline entries it adds. */
    public record Changes(Set<Section> sections, List<ObjectNode> newEntries) {
        public boolean none() {
            return sections.isEmpty() && newEntries.isEmpty();
        }
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final CaseService cases;
    private final CaseDocuments documents;
    private final ContentValidator validator;
    private final Clock clock;

    @Inject
    public ImportWrites(CaseService cases, CaseDocuments documents, ContentValidator validator, Clock clock) {
        this.cases = cases;
        this.documents = documents;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The case's stored sections, whole (only a member of its team is matched to it, and members see every section),
     * excerpt citations included; empty when it is deleted. {@code lock}: for a real import, which writes it next.
     */
    public Optional<Sections> stored(UUID id, boolean lock) {
        CaseFile file = lock ? CaseFile.findById(id, LockModeType.PESSIMISTIC_WRITE) : CaseFile.findById(id);
        if (file == null || file.isDeleted()) {
            return Optional.empty();
        }
        List<ObjectNode> timeline = new ArrayList<>();
        for (TimelineEntry entry : documents.timeline(file.timeline)) {
            timeline.add(entry(
                    WrittenDate.asWritten(entry.dateWritten(), entry.date()),
                    entry.kind().name(),
                    entry.summary()));
        }
        return Optional.of(new Sections(
                withoutNulls(cases.codedHeader(file)),
                documents.coded(file.context),
                documents.coded(file.process),
                documents.coded(file.results),
                timeline));
    }

    /** A timeline entry in the codebook's shape. */
    public static ObjectNode entry(String date, String kind, String summary) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("date", date);
        entry.put("kind", kind);
        entry.put("summary", summary);
        return entry;
    }

    /**
     * Every problem of these sections, with the messages and field names of the section edits ({@code
     * CodedSection}, then the header's own rules); none means the import may write them. {@code creating}: a new case
     * needs a header.
     */
    public List<Problem.FieldError> problems(Sections given, boolean creating) {
        List<Problem.FieldError> problems = new ArrayList<>();
        if (given.header() == null) {
            if (creating) {
                problems.add(new Problem.FieldError("header", "is required for a new case"));
            }
        } else {
            // Written to a case that is never stored: the same checks, in the same order, as a header edit.
            collect(problems, "header.", () -> cases.writeCodedHeader(new CaseFile(), given.header()));
        }
        collect(problems, "", () -> cases.checked(Section.CONTEXT, withoutNulls(given.context())));
        collect(problems, "", () -> cases.checked(Section.RESULTS, withoutNulls(given.results())));
        ObjectNode process = withoutNulls(given.process());
        if (given.timeline() != null && !given.timeline().isEmpty()) {
            process = process == null ? JsonNodeFactory.instance.objectNode() : process;
            ArrayNode entries = process.putArray("timeline");
            given.timeline().forEach(entries::add);
        }
        ObjectNode checkedProcess = process;
        int before = problems.size();
        collect(problems, "", () -> cases.checked(Section.PROCESS, checkedProcess));
        if (problems.size() == before && given.timeline() != null) {
            for (int i = 0; i < given.timeline().size(); i++) {
                ObjectNode entry = given.timeline().get(i);
                String kind = entry.path("kind").textValue();
                NewTimelineEntry body = new NewTimelineEntry(
                        entry.path("date").textValue(),
                        kind == null ? null : TimelineKind.valueOf(kind),
                        entry.path("summary").textValue());
                collect(problems, "process.timeline[" + i + "].", () -> validator.valid(body));
            }
        }
        return problems;
    }

    /** What writing {@code given} over {@code stored} would change; excerpt citations alone never count. */
    public Changes changes(Sections stored, Sections given) {
        Set<Section> changed = EnumSet.noneOf(Section.class);
        differs(changed, Section.HEADER, stored.header(), given.header());
        differs(changed, Section.CONTEXT, stored.context(), given.context());
        differs(changed, Section.PROCESS, stored.process(), given.process());
        differs(changed, Section.RESULTS, stored.results(), given.results());
        List<ObjectNode> added = new ArrayList<>();
        if (given.timeline() != null) {
            List<ObjectNode> unmatched = new ArrayList<>(stored.timeline());
            for (ObjectNode entry : given.timeline()) {
                // an entry the case holds already, once per time it holds it; entries are never removed
                if (!unmatched.remove(entry)) {
                    added.add(entry);
                }
            }
        }
        return new Changes(changed, added);
    }

    /**
     * Whether a section given differs from the stored one, excerpt citations aside: an export leaves out the
     * citations its reader may not see (and all of them while the interviews service does not answer), so their
     * absence from a file is no change.
     */
    private static void differs(Set<Section> changed, Section section, ObjectNode stored, ObjectNode given) {
        if (given == null) {
            return;
        }
        ObjectNode before = Citations.keepExcerpts(withoutNulls(stored == null ? empty() : stored), excerpt -> false);
        ObjectNode after = Citations.keepExcerpts(withoutNulls(given), excerpt -> false);
        if (!before.equals(NUMBERS_BY_VALUE, after)) {
            changed.add(section);
        }
    }

    /** Opens a new case with these (checked) sections and reference, as {@code POST /cases} opens one. */
    public UUID create(Viewer creator, Sections given, String externalReference) {
        CaseFile file = new CaseFile();
        file.id = UUID.randomUUID();
        file.version = 1;
        cases.writeCodedHeader(file, given.header());
        file.context = given.context() == null
                ? cases.legacyWritten(Section.CONTEXT, Context.empty(), null)
                : documents.write(withoutNulls(given.context()));
        file.process = given.process() == null
                ? cases.legacyWritten(Section.PROCESS, Process.empty(), null)
                : documents.write(withoutNulls(given.process()));
        file.results = given.results() == null
                ? cases.legacyWritten(Section.RESULTS, Results.empty(), null)
                : documents.write(withoutNulls(given.results()));
        file.timeline = "[]";
        file.externalReference = externalReference;
        cases.open(creator, file, clock.instant());
        addEntries(creator, file, given.timeline() == null ? List.of() : given.timeline());
        return file.id;
    }

    /**
     * Writes the changed sections of a case the import locked, each as its own edit, then adds the new entries.
     * Excerpt citations the case holds for a value the file leaves as it is are kept (a file may lack them).
     */
    public void update(Viewer editor, UUID id, Sections stored, Sections given, Changes changes) {
        CaseFile file = CaseFile.findById(id, LockModeType.PESSIMISTIC_WRITE);
        for (Section section : changes.sections()) {
            switch (section) {
                case HEADER -> cases.writeCodedHeader(file, given.header());
                case CONTEXT -> file.context = written(stored.context(), given.context());
                case PROCESS -> file.process = written(stored.process(), given.process());
                case RESULTS -> file.results = written(stored.results(), given.results());
                case INTERVIEWS -> throw new IllegalStateException("an import writes no interviews");
            }
            cases.edited(editor, file, section);
        }
        addEntries(editor, file, changes.newEntries());
    }

    private String written(ObjectNode stored, ObjectNode given) {
        ObjectNode document = withoutNulls(given);
        carryExcerpts(stored, document);
        return documents.write(document);
    }

    private void addEntries(Viewer author, CaseFile file, List<ObjectNode> entries) {
        for (ObjectNode entry : entries) {
            String date = entry.path("date").textValue();
            TimelineEntry added = new TimelineEntry(
                    UUID.randomUUID().toString(),
                    WrittenDate.firstDay(date),
                    TimelineKind.valueOf(entry.path("kind").textValue()),
                    entry.path("summary").textValue(),
                    WrittenDate.coarserThanADay(date));
            cases.added(author, file, new ArrayList<>(documents.timeline(file.timeline)), added, date);
        }
    }

    /**
     * Copies into {@code given} each excerpt citation of {@code stored} whose object (at the same path) still holds
     * the same value of the cited dimension; a changed value loses its citations, as the file says.
     */
    static void carryExcerpts(JsonNode stored, JsonNode given) {
        if (stored == null || given == null) {
            return;
        }
        if (stored.isArray() && given.isArray()) {
            for (int i = 0; i < Math.min(stored.size(), given.size()); i++) {
                carryExcerpts(stored.get(i), given.get(i));
            }
            return;
        }
        if (!stored.isObject() || !given.isObject()) {
            return;
        }
        ObjectNode target = (ObjectNode) given;
        JsonNode sources = stored.get("sources");
        if (sources != null && sources.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> cited = sources.fields(); cited.hasNext(); ) {
                Map.Entry<String, JsonNode> dimension = cited.next();
                if (!Objects.equals(stored.get(dimension.getKey()), given.get(dimension.getKey()))) {
                    continue;
                }
                for (JsonNode citation : dimension.getValue()) {
                    if (citation.has("excerpt")) {
                        ArrayNode list = citations(target, dimension.getKey());
                        boolean present = false;
                        for (JsonNode existing : list) {
                            present |= existing.equals(citation);
                        }
                        if (!present) {
                            list.add(citation.deepCopy());
                        }
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = stored.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("sources")) {
                carryExcerpts(field.getValue(), given.get(field.getKey()));
            }
        }
    }

    private static ArrayNode citations(ObjectNode object, String dimension) {
        JsonNode sources = object.get("sources");
        ObjectNode bySource =
                sources != null && sources.isObject() ? (ObjectNode) sources : object.putObject("sources");
        JsonNode list = bySource.get(dimension);
        return list != null && list.isArray() ? (ArrayNode) list : bySource.putArray(dimension);
    }

    /** A copy without null members (null is uncoded, as absent is); null for null. */
    public static ObjectNode withoutNulls(ObjectNode document) {
        return document == null ? null : (ObjectNode) stripped(document.deepCopy());
    }

    private static JsonNode stripped(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    stripped(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ImportWrites::stripped);
        }
        return node;
    }

    private static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Runs a check that answers with a 400, and keeps its refused fields (named with {@code prefix}) instead. */
    private static void collect(List<Problem.FieldError> problems, String prefix, Runnable check) {
        try {
            check.run();
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            if (problem.errors() == null || problem.errors().isEmpty()) {
                problems.add(new Problem.FieldError(
                        prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                        problem.detail() == null ? "is not valid" : problem.detail()));
                return;
            }
            for (Problem.FieldError error : problem.errors()) {
                // the codebook names a field by its whole path already; a record's rules by its own
                String field = error.field().startsWith(prefix) ? error.field() : prefix + error.field();
                problems.add(new Problem.FieldError(field, error.message()));
            }
        }
    }
}
