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
        CaseDocuments documents = new CaseDocuments(json);
        String before =
                storedContext(documents, Sample.withMarkers("before", "MX", EntityType.CHURCH, GroupType.CARTEL));
        String after = storedContext(
                documents, Sample.withMarkers("after", "CO", EntityType.INDIVIDUAL, GroupType.STREET_GANG));

        Context first = documents.legacyView(before, Section.CONTEXT, Context.class);

        assertThat(first).isEqualTo(documents.legacy(before, Section.CONTEXT, Context.class));
        assertThat(documents.legacyView(before, Section.CONTEXT, Context.class)).isSameAs(first);
        Context edited = documents.legacyView(after, Section.CONTEXT, Context.class);
        assertThat(edited)
                .isEqualTo(documents.legacy(after, Section.CONTEXT, Context.class))
                .isNotEqualTo(first);
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
