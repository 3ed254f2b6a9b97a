package org.parley.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.codebook.Block;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.CodedSection;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.DimensionType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed cases as {@link SeedLoader} sends them: coded sections the codebook accepts, every coded choice, number
 * or yes/no cited to the paper, and the facts the end-to-end tests rely on.
 */
class SeedCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECTIONS = List.of("context", "process", "results");
    private static final List<DimensionType> CITED =
            List.of(DimensionType.ONE, DimensionType.SEVERAL, DimensionType.NUMBER_OR_RANGE, DimensionType.BOOLEAN);

    private static Map<String, JsonNode> seeds;
    private static final Codebook CODEBOOK = Codebook.standard();

    @BeforeAll
    static void readSeeds() throws IOException {
        seeds = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(LocalDefaultsTest.root().resolve("seeds/cases"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode seed = JSON.readTree(file.toFile());
                seeds.put(seed.path("key").asText(), seed);
            }
        }
    }

    @Test
    void theNineCasesOfThePaperAreSeeded() {
        assertThat(seeds.keySet())
                .containsExactly(
                        "escobar",
                        "gulf-clan",
                        "el-salvador",
                        "honduras",
                        "haiti",
                        "mexico",
                        "brazil",
                        "ecuador",
                        "panama");
    }

    @Test
    void everyCodedSectionObeysTheCodebook() {
        for (Map.Entry<String, JsonNode> seed : seeds.entrySet()) {
            for (String section : SECTIONS) {
                JsonNode document = seed.getValue().path("coded").path(section);
                assertThat(document.isObject())
                        .as("%s has a coded %s", seed.getKey(), section)
                        .isTrue();
                assertThat(CodedSection.problems(
                                CODEBOOK, section.toUpperCase(Locale.ROOT), document, LocalDate.now(ZoneOffset.UTC)))
                        .as("%s %s", seed.getKey(), section)
                        .isEmpty();
            }
        }
    }

    /**
     * The header's period at the paper's precision ("2012", "1990-09"): the codebook accepts it, and the days the
     * case is opened with are its first and last.
     */
    @Test
    void everyHeaderPeriodIsWrittenAtItsPrecisionAndSpansTheOpeningDays() {
        for (Map.Entry<String, JsonNode> seed : seeds.entrySet()) {
            JsonNode header = seed.getValue().path("coded").path("header");
            assertThat(CodedSection.problems(CODEBOOK, "HEADER", header, LocalDate.now(ZoneOffset.UTC)))
                    .as("%s header", seed.getKey())
                    .isEmpty();
            String start = header.path("period").path("start").asText();
            assertThat(start.length())
                    .as("%s: a year or a month", seed.getKey())
                    .isLessThan(10);
            JsonNode days = seed.getValue().path("case").path("header").path("period");
            assertThat(days.path("start").asText()).as(seed.getKey()).isEqualTo(firstDay(start));
            String end = header.path("period").path("end").textValue();
            assertThat(days.path("end").textValue()).as(seed.getKey()).isEqualTo(end == null ? null : lastDay(end));
        }
    }

    private static String firstDay(String written) {
        return written.length() == 4 ? written + "-01-01" : written + "-01";
    }

    private static String lastDay(String written) {
        return written.length() == 4
                ? written + "-12-31"
                : java.time.YearMonth.parse(written).atEndOfMonth().toString();
    }

    @Test
    void everyCodedChoiceNumberAndYesOrNoCitesAPageOrAnEndnote() {
        List<String> uncited = new ArrayList<>();
        int cited = 0;
        for (Map.Entry<String, JsonNode> seed : seeds.entrySet()) {
            for (String section : SECTIONS) {
                cited += uncitedValues(
                        seed.getValue().path("coded").path(section),
                        section,
                        null,
                        seed.getKey() + ":" + section,
                        uncited);
            }
        }
        assertThat(uncited).isEmpty();
        assertThat(cited).as("cited values").isGreaterThan(400);
    }

    @Test
    void theCaseHoldsItsHeaderOnlyAndTheCodedDocumentIsTheSource() {
        for (Map.Entry<String, JsonNode> seed : seeds.entrySet()) {
            JsonNode kase = seed.getValue().path("case");
            assertThat(fieldNames(kase)).as(seed.getKey()).containsExactly("header");
            JsonNode header = kase.path("header");
            assertThat(header.path("title").asText()).as(seed.getKey()).isNotBlank();
            assertThat(header.path("country").asText()).as(seed.getKey()).hasSize(2);
            assertThat(header.path("status").asText()).as(seed.getKey()).isNotBlank();
            assertThat(header.path("period").path("start").asText())
                    .as(seed.getKey())
                    .isNotBlank();
            assertThat(seed.getValue().path("timeline").size())
                    .as(seed.getKey())
                    .isPositive();
            assertThat(seed.getValue().path("policy").path("tier").asText())
                    .as(seed.getKey())
                    .isNotBlank();
        }
    }

    /** The titles, tiers and values the e2e and console-e2e suites look for. */
    @Test
    void theFactsTheEndToEndTestsRelyOnHold() {
        Map<String, String> titles = Map.of(
                "escobar", "Pablo Escobar and Los Extraditables",
                "gulf-clan", "Gulf Clan (Clan del Golfo)",
                "el-salvador", "El Salvador – the gang truce",
                "honduras", "Honduras – MS-13 and Barrio 18",
                "haiti", "Haiti – NGOs bargaining with gangs",
                "mexico", "Mexico – church-brokered access",
                "brazil", "Brazil – negotiating with prison gangs",
                "ecuador", "Ecuador – dialogue with and legalisation",
                "panama", "Panama – Barrios Seguros");
        titles.forEach((key, title) -> assertThat(
                        seeds.get(key).path("case").path("header").path("title").asText())
                .contains(title));

        Map<String, String> tiers = new LinkedHashMap<>();
        seeds.forEach((key, seed) -> tiers.put(
                key,
                seed.path("policy").path("tier").asText()
                        + (seed.path("policy").path("resultsReleased").asBoolean() ? "+released" : "")));
        assertThat(tiers)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "escobar", "PUBLICLY_KNOWN+released",
                        "gulf-clan", "RESULTS_PUBLIC+released",
                        "el-salvador", "RESULTS_PUBLIC+released",
                        "honduras", "PUBLICLY_KNOWN",
                        "haiti", "SECRET",
                        "mexico", "SECRET",
                        "brazil", "RESULTS_PUBLIC",
                        "ecuador", "PUBLICLY_KNOWN+released",
                        "panama", "RESULTS_PUBLIC+released"));

        // the internal-control facet: FRAGMENTED exactly for Haiti, Mexico and Honduras
        List<String> fragmented = seeds.entrySet().stream()
                .filter(seed -> values(
                                seed.getValue().path("coded").path("context").path("groups"), "internalControl")
                        .contains("FRAGMENTED"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(fragmented).containsExactlyInAnyOrder("honduras", "haiti", "mexico");

        // "Guerrero" finds only the secret Mexico case
        seeds.forEach((key, seed) -> assertThat(seed.toString().contains("Guerrero"))
                .as("%s names Guerrero", key)
                .isEqualTo(key.equals("mexico")));

        // El Salvador's measured effects, shown under "Measured effects" and read back as 14 and 5-6
        JsonNode perDay = seeds.get("el-salvador")
                .path("coded")
                .path("results")
                .path("effects")
                .get(1);
        assertThat(perDay.path("indicatorText").asText()).isEqualTo("gang homicides per day");
        assertThat(perDay.path("before").asInt()).isEqualTo(14);
        assertThat(perDay.path("after").path("low").asInt()).isEqualTo(5);
        assertThat(perDay.path("after").path("high").asInt()).isEqualTo(6);

        // the v1 read shape takes the negotiating entity from the first entity
        Map<String, String> firstEntity = new LinkedHashMap<>();
        seeds.forEach((key, seed) -> firstEntity.put(
                key,
                seed.path("coded")
                                .path("context")
                                .path("entities")
                                .path(0)
                                .path("type")
                                .asText()
                        + "/"
                        + seed.path("coded")
                                .path("context")
                                .path("entities")
                                .path(0)
                                .path("relativeStrength")
                                .asText()));
        assertThat(firstEntity)
                .containsEntry("escobar", "NATIONAL_GOVERNMENT/WEAKER")
                .containsEntry("gulf-clan", "NATIONAL_GOVERNMENT/STRONGER")
                .containsEntry("honduras", "CHURCH/WEAKER")
                .containsEntry("haiti", "HUMANITARIAN_NGO/WEAKER")
                .containsEntry("mexico", "CHURCH/WEAKER")
                .containsEntry("brazil", "LOCAL_GOVERNMENT/WEAKER");
        // several entities and groups where the paper has them
        assertThat(seeds.get("haiti")
                        .path("coded")
                        .path("context")
                        .path("entities")
                        .size())
                .isEqualTo(2);
        assertThat(seeds.get("el-salvador")
                        .path("coded")
                        .path("context")
                        .path("groups")
                        .size())
                .isEqualTo(2);
        assertThat(seeds.get("escobar")
                        .path("coded")
                        .path("results")
                        .path("dealReached")
                        .asBoolean())
                .isTrue();
        assertThat(seeds.get("gulf-clan")
                        .path("coded")
                        .path("results")
                        .path("dealReached")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aStoredSectionEqualToTheSeedsNeedsNoWriteButAChangedValueDoes() throws IOException {
        JsonNode wanted = seeds.get("el-salvador").path("coded").path("process");
        ObjectNode stored = wanted.deepCopy();
        stored.putArray("timeline")
                .addObject()
                .put("id", "x")
                .put("date", "2012")
                .put("kind", "MEETING");
        assertThat(SeedLoader.sameSection(stored, wanted)).isTrue();
        // numbers by value, as a database may answer them
        JsonNode results = seeds.get("el-salvador").path("coded").path("results");
        JsonNode reread = JSON.readTree(results.toString().replace("\"before\":14", "\"before\":14.0"));
        assertThat(reread).isNotEqualTo(results);
        assertThat(SeedLoader.sameSection(reread, results)).isTrue();

        ObjectNode changed = wanted.deepCopy();
        ((ObjectNode) changed.path("entities").path(0)).put("teamUnity", "UNITED");
        assertThat(SeedLoader.sameSection(changed, wanted)).isFalse();
        assertThat(SeedLoader.sameSection(JSON.missingNode(), wanted)).isFalse();
    }

    /**
     * Adds to {@code uncited} every ONE, SEVERAL, NUMBER_OR_RANGE or BOOLEAN value of {@code node} (an object whose
     * dimensions have keys {@code prefix.<field>}) without a citation of a page or an endnote; returns how many were
     * cited.
     */
    private static int uncitedValues(JsonNode node, String prefix, String block, String path, List<String> uncited) {
        int cited = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String key = prefix + "." + name;
            JsonNode value = field.getValue();
            if (name.equals("sources") || value.isNull()) {
                continue;
            }
            Optional<Block> nested = block == null ? CODEBOOK.block(key) : Optional.empty();
            Optional<Dimension> dimension = CODEBOOK.dimension(key).filter(d -> Objects.equals(d.block(), block));
            if (nested.isPresent()) {
                for (int i = 0; i < value.size(); i++) {
                    cited += uncitedValues(value.get(i), key, key, path + "." + name + "[" + i + "]", uncited);
                }
            } else if (dimension.isPresent()) {
                if (!CITED.contains(dimension.get().type())) {
                    continue;
                }
                if (citesPageOrEndnote(node.path("sources").path(name))) {
                    cited++;
                } else {
                    uncited.add(path + "." + name);
                }
            } else if (value.isObject()) {
                cited += uncitedValues(value, key, block, path + "." + name, uncited);
            }
        }
        return cited;
    }

    private static boolean citesPageOrEndnote(JsonNode citations) {
        for (JsonNode citation : citations) {
            if (citation.path("publication").isTextual()
                    && (citation.path("page").isTextual()
                            || citation.path("endnote").isInt())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> values(JsonNode entries, String field) {
        List<String> values = new ArrayList<>();
        entries.forEach(entry -> values.add(entry.path(field).asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
