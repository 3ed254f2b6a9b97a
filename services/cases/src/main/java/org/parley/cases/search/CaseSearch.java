package org.parley.cases.search;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.Session;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseView;
import org.parley.cases.audit.CaseAudit;
import org.parley.cases.casefile.CaseDocuments;
import org.parley.cases.casefile.CaseViews;
import org.parley.cases.casefile.StoredCase;
import org.parley.gate.CaseGate;
import org.parley.policy.Section;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;

/** Lists and searches cases through {@link VisibleCases}; each returned restricted section is audited. */
@ApplicationScoped
public class CaseSearch {

    private static final TypeReference<Map<String, Map<String, Long>>> FACETS = new TypeReference<>() {};

    /** The member of the statement's facets that holds every coded facet, by codebook key. */
    private static final String CODED = "coded";

    private final EntityManager entityManager;
    private final CaseGate access;
    private final CaseAudit audit;
    private final CaseDocuments documents;
    private final ObjectMapper json;

    @Inject
    public CaseSearch(
            EntityManager entityManager, CaseGate access, CaseAudit audit, CaseDocuments documents, ObjectMapper json) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.documents = documents;
        this.json = json;
    }

    /**
     * A page of the cases the viewer may know exist. While the policy projection is stale, nobody gets a listing
     * (503): no stale membership or grant is trusted, and an incomplete answer could not be told from a full one.
     */
    @Transactional
    public CaseList list(Viewer viewer, ListQuery query) {
        return list(viewer, query, false);
    }

    /** As {@link #list(Viewer, ListQuery)}; with {@code mine}, only cases whose team the viewer is on. */
    @Transactional
    public CaseList list(Viewer viewer, ListQuery query, boolean mine) {
        if (access.isStale()) {
            throw access.stale();
        }
        VisibleCases.Statement statement = VisibleCases.list(viewer, query, mine);
        Page page = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement settings = connection.createStatement()) {
                settings.execute(VisibleCases.GENERIC_PLAN);
            }
            try (PreparedStatement prepared = statement.prepare(connection);
                    ResultSet rows = prepared.executeQuery()) {
                return read(rows);
            }
        });
        List<CaseView> items = new ArrayList<>();
        List<CaseAudit.Read> reads = new ArrayList<>();
        String nextCursor = null;
        for (int i = 0; i < page.rows.size(); i++) {
            Row row = page.rows.get(i);
            if (i == query.limit()) {
                Row last = page.rows.get(i - 1);
                nextCursor = new Cursor(last.stored.periodStart(), last.stored.id()).encode();
                break;
            }
            CaseView view = CaseViews.of(row.stored, row.tier, row.released, row.sections, documents);
            reads.add(new CaseAudit.Read(view.id(), row.tier, row.released, CaseViews.sections(view)));
            items.add(view);
        }
        audit.readAll(viewer, reads);
        return new CaseList(items, page.total, facets(page.facets), nextCursor);
    }

    private record Row(StoredCase stored, Tier tier, boolean released, Set<Section> sections) {}

    private record Page(long total, String facets, List<Row> rows) {}

    private static Page read(ResultSet rows) throws java.sql.SQLException {
        long total = 0;
        String facets = "{}";
        List<Row> page = new ArrayList<>();
        while (rows.next()) {
            total = rows.getLong(1);
            facets = rows.getString(2);
            UUID id = rows.getObject(3, UUID.class);
            if (id == null) {
                continue;
            }
            Set<Section> sections = EnumSet.noneOf(Section.class);
            if (rows.getBoolean(7)) {
                sections.add(Section.HEADER);
            }
            if (rows.getBoolean(8)) {
                sections.add(Section.CONTEXT);
            }
            if (rows.getBoolean(9)) {
                sections.add(Section.PROCESS);
            }
            if (rows.getBoolean(10)) {
                sections.add(Section.RESULTS);
            }
            Date start = rows.getDate(15);
            Date end = rows.getDate(16);
            StoredCase stored = new StoredCase(
                    id,
                    rows.getLong(4),
                    rows.getLong(21),
                    rows.getLong(22),
                    rows.getLong(23),
                    rows.getLong(24),
                    rows.getString(11),
                    rows.getString(12),
                    rows.getString(13),
                    rows.getString(14),
                    start == null ? null : start.toLocalDate(),
                    end == null ? null : end.toLocalDate(),
                    rows.getString(17),
                    rows.getString(18),
                    rows.getString(19),
                    rows.getString(20),
                    null);
            page.add(new Row(stored, Tier.valueOf(rows.getString(5)), rows.getBoolean(6), sections));
        }
        return new Page(total, facets, page);
    }

    private Map<String, Map<String, Long>> facets(String text) {
        Map<String, Map<String, Long>> named;
        Map<String, Map<String, Long>> coded;
        try {
            JsonNode tree = json.readTree(text);
            JsonNode codedTree = ((ObjectNode) tree).remove(CODED);
            named = json.convertValue(tree, FACETS);
            coded = codedTree == null ? Map.of() : json.convertValue(codedTree, FACETS);
        } catch (JsonProcessingException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("facets not readable", null);
        }
        Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
        CaseList.FACETS.forEach(facet -> ordered.put(facet, byCount(named.getOrDefault(facet, Map.of()))));
        CaseList.COUNTED_FACETS.forEach(key -> ordered.put(key, byCount(coded.getOrDefault(key, Map.of()))));
        return ordered;
    }

    /** The most frequent value first; ties by value. */
    private static Map<String, Long> byCount(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }
}
