package org.parley.interviews;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.proto.v1.GrantScope;
import org.parley.proto.v1.TeamRole;
import org.parley.proto.v1.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.interviews.Fixtures.as;
import static org.parley.interviews.Fixtures.newCase;
import static org.parley.interviews.Fixtures.projectionIs;

/** The seed files' interviews load through the API as they are, case keys mapped to case ids. */
@QuarkusTest
class SeedShapeTest {

    private static final Path SEEDS =
            Path.of(System.getProperty("parley.root", "../..")).resolve("seeds/interviews");

    @Test
    void everySeedInterviewAndItsExcerptsAreAccepted() throws IOException {
        projectionIs(false);
        ObjectMapper json = new ObjectMapper();
        Map<String, String> cases = new HashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(SEEDS)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int approved = 0;
        for (Path file : files) {
            JsonNode seed = json.readTree(file.toFile());
            ObjectNode interview = (ObjectNode) seed.get("interview");
            ArrayNode linked = json.createArrayNode();
            interview
                    .get("linkedCases")
                    .forEach(key -> linked.add(cases.computeIfAbsent(
                            key.asText(),
                            k -> newCase(
                                    Tier.SECRET,
                                    false,
                                    Map.of("sofia", TeamRole.LEAD),
                                    Map.of("oas", GrantScope.EXCERPTS)))));
            interview.set("linkedCases", linked);
            if (interview.has("identity")) {
                interview.get("identity").forEach(value -> Fixtures.SECRETS.add(value.asText()));
            }

            String id = as("sofia")
                    .body(json.writeValueAsString(interview))
                    .post("/interviews")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            for (JsonNode excerpt : seed.path("excerpts")) {
                int quote = excerpt.get("quote").asInt();
                as("sofia")
                        .body(Map.of("quote", quote))
                        .post("/interviews/" + id + "/excerpts")
                        .then()
                        .statusCode(201);
                if (excerpt.path("approve").asBoolean()) {
                    Fixtures.approval("sofia", id)
                            .post("/interviews/" + id + "/excerpts/" + quote + "/approval")
                            .then()
                            .statusCode(200);
                    approved++;
                }
            }
        }
        Set<String> recorded = new HashSet<>();
        for (String caseId : cases.values()) {
            recorded.addAll(as("sofia")
                    .queryParam("case", caseId)
                    .get("/interviews")
                    .jsonPath()
                    .getList("items.id", String.class));
        }
        int seen = 0;
        for (String id : recorded) {
            seen += as("lucia")
                    .get("/interviews/" + id + "/excerpts")
                    .jsonPath()
                    .getList("items")
                    .size();
        }
        assertThat(recorded).hasSize(files.size());
        assertThat(seen)
                .as("approved seed excerpts, seen by a partner with EXCERPTS grants")
                .isEqualTo(approved);
    }
}
