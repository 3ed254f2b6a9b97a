package org.parley.interviews.history;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.parley.interviews.access.InterviewGate;
import org.parley.interviews.api.InterviewHistory;
import org.parley.interviews.api.InterviewVersion;
import org.parley.interviews.api.InterviewView;
import org.parley.policy.InterviewAccess;
import org.parley.policy.Viewer;

/**
 * Who changed an interview, when, and which fields: a row per version ({@code interview_version}, V5), written in
 * the transaction that made the version. Only the names of the fields are kept, never a value, so the history holds
 * nothing that would need the content key; it is read by exactly those who may read the interview.
 */
@ApplicationScoped
public class VersionHistory {

    /** The fields a version can change, by their names in the API, and how to read each from an interview. */
    private static final Map<String, Function<InterviewView, Object>> FIELDS = fields();

    private final EntityManager entityManager;
    private final InterviewGate gate;

    @Inject
    public VersionHistory(EntityManager entityManager, InterviewGate gate) {
        this.entityManager = entityManager;
        this.gate = gate;
    }

    /** The names of the fields whose values differ between two versions of one interview, in the API's order. */
    public static List<String> changedFields(InterviewView before, InterviewView after) {
        List<String> changed = new ArrayList<>();
        FIELDS.forEach((name, field) -> {
            if (!Objects.equals(field.apply(before), field.apply(after))) {
                changed.add(name);
            }
        });
        return changed;
    }

    /** Records the version an interview now has, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Viewer actor, UUID interviewId, long version, Instant at, List<String> changedFields) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO interview_version (interview_id, version, actor_subject, actor_organisation,"
                            + " changed_at, changed_fields) VALUES (?, ?, ?, ?, ?, ?)")) {
                Array fields = connection.createArrayOf("text", changedFields.toArray());
                insert.setObject(1, interviewId);
                insert.setLong(2, version);
                insert.setString(3, actor.subject());
                insert.setString(4, actor.organisation());
                insert.setTimestamp(5, Timestamp.from(at));
                insert.setArray(6, fields);
                insert.executeUpdate();
            }
        });
    }

    /** The history, newest first, for those who may read the interview (the same refusals as reading it). */
    @Transactional
    public InterviewHistory read(Viewer viewer, String rawId) {
        UUID id = gate.admit(viewer, rawId, InterviewAccess.CONTENT).id();
        List<InterviewVersion> versions = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<InterviewVersion> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT version, actor_subject, actor_organisation, changed_at, changed_fields"
                            + " FROM interview_version WHERE interview_id = ? ORDER BY version DESC")) {
                select.setObject(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new InterviewVersion(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getTimestamp(4).toInstant(),
                                List.of((String[]) rows.getArray(5).getArray())));
                    }
                }
            }
            return found;
        });
        return new InterviewHistory(id, versions);
    }

    private static Map<String, Function<InterviewView, Object>> fields() {
        Map<String, Function<InterviewView, Object>> fields = new LinkedHashMap<>();
        fields.put("pseudonym", InterviewView::pseudonym);
        fields.put("descriptor", InterviewView::descriptor);
        fields.put("category", InterviewView::category);
        fields.put("date", InterviewView::date);
        fields.put("country", InterviewView::country);
        fields.put("interviewers", InterviewView::interviewers);
        fields.put("mode", InterviewView::mode);
        fields.put("language", InterviewView::language);
        fields.put("linkedCases", InterviewView::linkedCases);
        fields.put("consent", InterviewView::consent);
        fields.put("themes", InterviewView::themes);
        fields.put("researchQuestions", InterviewView::researchQuestions);
        fields.put("notes", InterviewView::notes);
        fields.put("transcript", InterviewView::transcript);
        fields.put("quotes", InterviewView::quotes);
        return java.util.Collections.unmodifiableMap(fields);
    }
}
