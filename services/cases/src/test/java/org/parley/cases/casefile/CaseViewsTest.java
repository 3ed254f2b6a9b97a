package org.parley.cases.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.Context;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.Results;
import org.parley.cases.content.NewCase;
import org.parley.cases.support.Sample;
import org.parley.policy.Section;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sections are stored as the checked records of {@code content} write them and answered as the API's
 * records read them: both must have the same fields, or a field would vanish from the answers.
 */
class CaseViewsTest {

    private static final java.util.UUID CASE = java.util.UUID.randomUUID();

    private final ObjectMapper json =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theApiRecordsReadEveryStoredFieldBackAsItWasWritten() throws Exception {
        NewCase written = Sample.withMarkers("parity", "MX", EntityType.CHURCH, GroupType.CARTEL);

        assertRoundTrip(written.context(), Context.class);
        assertRoundTrip(written.process(), CaseView.ProcessView.class);
        assertRoundTrip(written.results(), Results.class);
        assertRoundTrip(written.header().period(), org.parley.cases.api.Period.class);
    }

    @Test
    void theAnsweredTierHasThePolicyTiersInTheirOrder() {
        // CaseViews converts the policy tier to the API's by name; the API repeats it to know no policy
        assertThat(java.util.Arrays.stream(org.parley.cases.api.Tier.values()).map(Enum::name))
                .containsExactly(java.util.Arrays.stream(org.parley.policy.Tier.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
    }

    @Test
    void aKeptConversionIsTheStoredTextsOwnAndAnEditIsNeverAnsweredFromTheOldOne() {
        CaseDocuments documents = new CaseDocuments(json, new SharedSectionJson());
        String before =
                storedContext(documents, Sample.withMarkers("before", "MX", EntityType.CHURCH, GroupType.CARTEL));
        String after = storedContext(
                documents, Sample.withMarkers("after", "CO", EntityType.INDIVIDUAL, GroupType.STREET_GANG));

        java.util.UUID caseId = java.util.UUID.randomUUID();
        Context first = documents.legacyView(caseId, before, Section.CONTEXT, Context.class);

        assertThat(first).isEqualTo(documents.legacy(before, Section.CONTEXT, Context.class));
        assertThat(documents.legacyView(caseId, before, Section.CONTEXT, Context.class))
                .isSameAs(first);
        // The same case edited: kept by the case, answered only for the text it was made from.
        Context edited = documents.legacyView(caseId, after, Section.CONTEXT, Context.class);
        assertThat(edited)
                .isEqualTo(documents.legacy(after, Section.CONTEXT, Context.class))
                .isNotEqualTo(first);
        // A reader still on the old text (an older snapshot) gets the old text's record, not the edit's.
        assertThat(documents.legacyView(caseId, before, Section.CONTEXT, Context.class))
                .isEqualTo(first)
                .isNotEqualTo(edited);
        // Another case with the same text gets its own, equal record.
        assertThat(documents.legacyView(java.util.UUID.randomUUID(), before, Section.CONTEXT, Context.class))
                .isEqualTo(first);
    }

    @Test
    void aKeptProcessIsAnsweredOnlyForItsOwnTimeline() {
        CaseDocuments documents = new CaseDocuments(json, new SharedSectionJson());
        NewCase written = Sample.withMarkers("process", "MX", EntityType.CHURCH, GroupType.CARTEL);
        String process = documents.write(documents.codedFromLegacy(Section.PROCESS, written.process(), null));
        java.util.UUID caseId = java.util.UUID.randomUUID();
        String timeline = "[{\"date\":\"2012-05-01\",\"kind\":\"LEAK\",\"summary\":\"a leak\"}]";

        CaseView.ProcessView without = documents.processView(caseId, process, null);
        CaseView.ProcessView with = documents.processView(caseId, process, timeline);

        assertThat(without.timeline()).isEmpty();
        assertThat(with.timeline()).hasSize(1);
        assertThat(documents.processView(caseId, process, timeline)).isSameAs(with);
        assertThat(documents.processView(caseId, process, null).timeline()).isEmpty();
    }

    @Test
    void aSharedSectionIsWrittenOnceAsTheBytesItsFieldsWouldBeAndStillReadsAsATree() throws Exception {
        SharedSectionJson sharedJson = new SharedSectionJson();
        ObjectMapper answering =
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        sharedJson.customize(answering);
        CaseDocuments documents = new CaseDocuments(answering, sharedJson);
        // Text that JSON escapes or encodes in more than one byte, so written bytes that differ would show.
        NewCase first =
                Sample.withMarkers("Ñandú \"entre comillas\"\n<línea>", "MX", EntityType.CHURCH, GroupType.CARTEL);
        NewCase second = Sample.withMarkers("otra", "CO", EntityType.INDIVIDUAL, GroupType.STREET_GANG);

        for (NewCase written : java.util.List.of(first, second, first)) {
            String context = storedContext(documents, written);
            String process = documents.write(documents.codedFromLegacy(Section.PROCESS, written.process(), null));
            String results = documents.write(documents.codedFromLegacy(Section.RESULTS, written.results(), null));
            CaseView view = new CaseView(
                    "id",
                    1,
                    null,
                    documents.legacyView(CASE, context, Section.CONTEXT, Context.class),
                    documents.processView(CASE, process, "[]"),
                    documents.legacyView(CASE, results, Section.RESULTS, Results.class));
            for (int i = 0; i < 2; i++) {
                assertThat(answering.writeValueAsString(view)).isEqualTo(json.writeValueAsString(view));
                assertThat(answering.writeValueAsBytes(view)).isEqualTo(json.writeValueAsBytes(view));
            }
            assertThat(answering.writeValueAsString(view)).contains(written == first ? "Ñandú" : "otra");
            // A tree gets the fields, not the bytes: code reading a view as a tree still finds them.
            JsonNode tree = answering.valueToTree(view);
            assertThat(tree).isEqualTo(json.valueToTree(view));
            assertThat(tree.path("context").isObject()).isTrue();
            // A view made for one answer alone (not shared) is written by its fields as usual.
            Context own = documents.legacy(context, Section.CONTEXT, Context.class);
            assertThat(answering.writeValueAsString(own)).isEqualTo(json.writeValueAsString(own));
        }
    }

    private static String storedContext(CaseDocuments documents, NewCase written) {
        return documents.write(documents.codedFromLegacy(Section.CONTEXT, written.context(), null));
    }

    private void assertRoundTrip(Object stored, Class<?> answered) throws Exception {
        String document = json.writeValueAsString(stored);
        JsonNode asAnswered = json.valueToTree(json.readValue(document, answered));
        if (answered == CaseView.ProcessView.class) {
            // the timeline is stored apart from the PROCESS document and added to the view
            ((com.fasterxml.jackson.databind.node.ObjectNode) asAnswered).remove("timeline");
        }
        assertThat(asAnswered).as(answered.getSimpleName()).isEqualTo(json.readTree(document));
    }
}
