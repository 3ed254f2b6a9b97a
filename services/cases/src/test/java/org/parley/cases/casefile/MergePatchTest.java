package org.parley.cases.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.parley.cases.web.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7386 merge patches and If-Match parsing. */
class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRfcExamples() throws Exception {
        assertThat(merge("{\"a\":\"b\"}", "{\"a\":\"c\"}")).isEqualTo(json("{\"a\":\"c\"}"));
        assertThat(merge("{\"a\":\"b\"}", "{\"b\":\"c\"}")).isEqualTo(json("{\"a\":\"b\",\"b\":\"c\"}"));
        assertThat(merge("{\"a\":\"b\"}", "{\"a\":null}")).isEqualTo(json("{}"));
        assertThat(merge("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}"))
                .isEqualTo(json("{\"a\":{\"b\":\"d\"}}"));
        assertThat(merge("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}")).isEqualTo(json("{\"a\":[1]}"));
        assertThat(merge("{\"a\":\"foo\"}", "{\"a\":{\"bb\":{\"ccc\":null}}}")).isEqualTo(json("{\"a\":{\"bb\":{}}}"));
    }

    @Test
    void ifMatch() {
        assertThat(Http.ifMatch(null)).isNull();
        assertThat(Http.ifMatch("*")).isNull();
        assertThat(Http.ifMatch("\"7\"")).isEqualTo(7L);
        assertThat(Http.ifMatch("W/\"7\"")).isEqualTo(7L);
        assertThat(Http.ifMatch("7")).isEqualTo(7L);
        assertThat(Http.ifMatch("\"abc\"")).isEqualTo(-1L);
        assertThat(Http.ifMatch("\"0\"")).isEqualTo(-1L);
    }

    private static JsonNode merge(String target, String patch) throws Exception {
        return CaseDocuments.mergePatch(json(target), json(patch));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
