package org.parley.cases.coded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first shape laid over the codebook's and derived back from it. */
class LegacyShapeTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode read(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void aV1EditKeepsWhatOnlyTheCodebookKnows() throws Exception {
        JsonNode stored = read(
                "{'level': 'LOCAL', 'settings': [],"
                        + " 'entities': [{'type': 'CHURCH', 'credibleThreat': 'LOW', 'sources': {'type': [{'publication': 'P',"
                        + " 'page': '3'}]}}, {'type': 'HUMANITARIAN_NGO'}],"
                        + " 'groups': [{'name': 'A', 'type': 'MAFIA', 'estimatedSize': {'low': 10, 'high': 20}}, {'name': 'B'}]}");
        JsonNode v1 = read("{'negotiatingEntity': {'type': 'NATIONAL_GOVERNMENT', 'name': 'State'},"
                + " 'criminalGroups': [{'name': 'A2', 'type': 'CARTEL', 'internalControl': 'FRAGMENTED'}],"
                + " 'precedents': ['p']}");

        ObjectNode coded = LegacyShape.context(v1, stored);

        assertThat(coded.path("level").asText()).isEqualTo("LOCAL");
        assertThat(coded.path("settings").isArray())
                .as("several values coded as none stay so")
                .isTrue();
        assertThat(coded.path("entities")).hasSize(2);
        assertThat(coded.path("entities").get(0).path("type").asText()).isEqualTo("NATIONAL_GOVERNMENT");
        assertThat(coded.path("entities").get(0).path("credibleThreat").asText())
                .isEqualTo("LOW");
        assertThat(coded.path("entities").get(0).has("sources")).isTrue();
        assertThat(coded.path("entities").get(1).path("type").asText()).isEqualTo("HUMANITARIAN_NGO");
        assertThat(coded.path("groups")).as("the v1 list decides the entries").hasSize(1);
        assertThat(coded.path("groups")
                        .get(0)
                        .path("estimatedSize")
                        .path("high")
                        .asInt())
                .isEqualTo(20);
        assertThat(coded.path("groups").get(0).path("internalControl").asText()).isEqualTo("FRAGMENTED");
        assertThat(coded.path("precedents").get(0).path("description").asText()).isEqualTo("p");
        assertThat(LegacyShape.legacyContext(coded)
                        .path("negotiatingEntity")
                        .path("name")
                        .asText())
                .isEqualTo("State");
    }

    @Test
    void redLinesAreOneEntryPerItemAndReadBackByParty() throws Exception {
        JsonNode v1 = read("{'redlines': [{'party': 'State', 'items': ['a', 'b']}, {'party': 'Gang', 'items': []}]}");
        ObjectNode coded = LegacyShape.process(v1, null);
        assertThat(coded.path("redlines")).hasSize(3);
        assertThat(coded.path("redlines").get(2).has("description")).isFalse();
        assertThat(LegacyShape.legacyProcess(coded).path("redlines")).isEqualTo(v1.path("redlines"));
    }

    @Test
    void effectsBecomeFiguresOrStayAsWritten() throws Exception {
        JsonNode v1 = read("{'effects': [{'indicator': 'h', 'before': '14', 'after': '5 - 6'},"
                + " {'indicator': 'd', 'before': 'pre-truce level', 'after': '-40%'},"
                + " {'indicator': 'j', 'before': '6-5', 'after': 'about 500'}]}");
        ObjectNode coded = LegacyShape.results(v1, null);
        JsonNode effects = coded.path("effects");
        assertThat(effects.get(0).path("before").asInt()).isEqualTo(14);
        assertThat(effects.get(0).path("after").toString()).isEqualTo("{\"low\":5,\"high\":6}");
        assertThat(effects.get(1).path("changePercent").asInt()).isEqualTo(-40);
        assertThat(effects.get(1).path("direction").asText()).isEqualTo("DECREASE");
        assertThat(effects.get(1).path("notes").asText()).contains("pre-truce level");
        assertThat(effects.get(2).has("before"))
                .as("a reversed range is no figure")
                .isFalse();
        assertThat(effects.get(2).path("notes").asText()).contains("6-5").contains("about 500");
        JsonNode back = LegacyShape.legacyResults(coded).path("effects");
        assertThat(back.get(0).path("after").asText()).isEqualTo("5-6");
        assertThat(back.get(1).path("after").asText()).isEqualTo("-40%");
        assertThat(back.get(1).path("before").asText())
                .as("v1 reads back what it wrote")
                .isEqualTo("pre-truce level");
        assertThat(back.get(2).path("before").asText()).isEqualTo("6-5");
        assertThat(back.get(2).path("after").asText()).isEqualTo("about 500");
    }
}
