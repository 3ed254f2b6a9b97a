package org.parley.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads {@code seeds/} through the services' own APIs, as the demo users would, so the data passes the
 * same validation and produces the same events. A case is opened with its header and timeline, then its coded
 * sections (the seed's {@code coded}) are written in the codebook's shape. Idempotent and upgrading: what
 * already exists is left as it is, except a coded section that differs from the seed's, so running it twice
 * changes nothing and a database seeded with older values is brought to the seeds'.
 */
public final class SeedLoader {

    static final String LEAD = "sofia";
    static final String REQUESTER = "ana";
    static final String APPROVER = "bruno";
    private static final List<String> DEMO_USERS =
            List.of("sofia", "mateo", "ana", "bruno", "irene", "carlos", "lucia", "pierre");
    private static final String REASON = "Demo seed data from the IFIT discussion paper";

    private final Path seeds;
    private final LocalEndpoints endpoints;
    private final Consumer<String> progress;
    private final ApiClient api;
    private final ObjectMapper json = ApiClient.json();

    public SeedLoader(Path seeds, LocalEndpoints endpoints, Consumer<String> progress) {
        this.seeds = seeds;
        this.endpoints = endpoints;
        this.progress = progress;
        this.api = new ApiClient(endpoints.keycloak());
    }

    /** Loads everything; returns the case ids by seed key. */
    public Map<String, String> load() throws IOException, InterruptedException {
        // access refuses tokens of organisations it does not know: register the partners first (as a
        // secrecy admin of the host), then let every demo user sign in once so the directory knows them.
        for (JsonNode organisation :
                json.readTree(seeds.resolve("organisations.json").toFile())) {
            expect(api.post(REQUESTER, endpoints.access() + "/organisations", organisation), "organisation");
        }
        for (String user : DEMO_USERS) {
            expect(api.get(user, endpoints.access() + "/me"), "register " + user);
        }
        Map<String, String> caseIds = new HashMap<>();
        Map<String, String> existing = existingCasesByTitle();
        for (Path file : files("cases")) {
            JsonNode seed = json.readTree(file.toFile());
            String key = seed.path("key").asText();
            String title = seed.path("case").path("header").path("title").asText();
            String id = existing.get(title);
            if (id == null) {
                id = createCase(seed);
                progress.accept("case " + key + " created");
            } else {
                progress.accept("case " + key + " already there");
            }
            codeCase(id, key, seed.path("coded"));
            caseIds.put(key, id);
            applyPolicy(id, seed.path("policy"));
        }
        for (Path file : files("interviews")) {
            loadInterview(
                    json.readTree(file.toFile()), caseIds, file.getFileName().toString());
        }
        progress.accept(caseIds.size() + " cases and their interviews are in place");
        return caseIds;
    }

    private String createCase(JsonNode seed) throws IOException, InterruptedException {
        ApiClient.Answer created = expect(api.post(LEAD, endpoints.cases() + "/cases", seed.path("case")), "case");
        String id = created.body().path("id").asText();
        for (JsonNode entry : seed.path("timeline")) {
            expect(api.post(LEAD, endpoints.cases() + "/cases/" + id + "/process/timeline", entry), "timeline");
        }
        return id;
    }

    /**
     * Brings the case's coded sections to the seed's: a section is written only when the stored one differs, so
     * a database seeded before the recoding is upgraded and a second run writes nothing.
     */
    private void codeCase(String id, String key, JsonNode coded) throws IOException, InterruptedException {
        String url = endpoints.cases() + "/cases/" + id + "/coded";
        JsonNode stored = expect(api.get(LEAD, url), "coded case").body();
        long version = stored.path("version").asLong();
        List<String> written = new ArrayList<>();
        // The header's period at the paper's precision ("2012"); the case was opened with its days.
        JsonNode period = coded.path("header").path("period");
        if (!period.isMissingNode() && !period.equals(stored.path("header").path("period"))) {
            ApiClient.Answer answer = expect(
                    api.update(LEAD, "PATCH", url + "/header", version, Map.of("period", period)), "coded header");
            version = answer.body().path("version").asLong();
            written.add("header");
        }
        for (String section : CODED_SECTIONS) {
            JsonNode wanted = coded.path(section);
            if (wanted.isMissingNode() || sameSection(stored.path(section), wanted)) {
                continue;
            }
            ApiClient.Answer answer =
                    expect(api.update(LEAD, "PUT", url + "/" + section, version, wanted), "coded " + section);
            version = answer.body().path("version").asLong();
            written.add(section);
        }
        progress.accept(
                written.isEmpty()
                        ? "case " + key + " coded sections up to date"
                        : "case " + key + " coded " + String.join(", ", written));
    }

    /**
     * Whether a stored coded section already says what the seed says: the same JSON tree, numbers compared by
     * value ({@code 3000} and {@code 3000.0} alike), leaving out {@code process.timeline}, which the seed adds
     * entry by entry and a section write may not touch.
     */
    static boolean sameSection(JsonNode stored, JsonNode wanted) {
        return withoutTimeline(stored).equals(NUMERIC_VALUE, withoutTimeline(wanted));
    }

    private static JsonNode withoutTimeline(JsonNode section) {
        if (!section.isObject() || !section.has("timeline")) {
            return section;
        }
        ObjectNode copy = section.deepCopy();
        copy.remove("timeline");
        return copy;
    }

    private static final List<String> CODED_SECTIONS = List.of("context", "process", "results");

    private static final Comparator<JsonNode> NUMERIC_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private Map<String, String> existingCasesByTitle() throws IOException, InterruptedException {
        Map<String, String> byTitle = new HashMap<>();
        String cursor = null;
        do {
            String url = endpoints.cases() + "/cases?limit=100"
                    + (cursor == null ? "" : "&cursor=" + ApiClient.encode(cursor));
            ApiClient.Answer page = expect(api.get(LEAD, url), "list cases");
            for (JsonNode item : page.body().path("items")) {
                byTitle.put(
                        item.path("header").path("title").asText(),
                        item.path("id").asText());
            }
            cursor = page.body().path("nextCursor").isTextual()
                    ? page.body().path("nextCursor").asText()
                    : null;
        } while (cursor != null);
        return byTitle;
    }

    /** Brings the case's tier, release and grants to the seed's, through requests and second approvals. */
    private void applyPolicy(String caseId, JsonNode wanted) throws IOException, InterruptedException {
        String accessUrl = endpoints.access() + "/cases/" + caseId;
        JsonNode current = awaitAccessKnows(caseId);
        String tier = wanted.path("tier").asText("SECRET");
        if (!tier.equals(current.path("tier").asText())) {
            changeThroughApproval(api.post(REQUESTER, accessUrl + "/tier", Map.of("tier", tier, "reason", REASON)));
        }
        if (wanted.path("resultsReleased").asBoolean(false)
                && !current.path("resultsReleased").asBoolean(false)) {
            changeThroughApproval(
                    api.post(REQUESTER, accessUrl + "/release", Map.of("released", true, "reason", REASON)));
        }
        JsonNode grants =
                expect(api.get(REQUESTER, accessUrl + "/grants"), "grants").body();
        for (JsonNode grant : wanted.path("grants")) {
            if (!hasGrant(
                    grants,
                    grant.path("organisation").asText(),
                    grant.path("scope").asText())) {
                ObjectNode body = json.createObjectNode();
                body.put("organisation", grant.path("organisation").asText());
                body.put("scope", grant.path("scope").asText());
                body.put("reason", REASON);
                changeThroughApproval(api.post(REQUESTER, accessUrl + "/grants", body));
            }
        }
    }

    private static boolean hasGrant(JsonNode grants, String organisation, String scope) {
        JsonNode list = grants.has("items") ? grants.path("items") : grants;
        for (JsonNode grant : list) {
            if (organisation.equals(grant.path("organisation").asText())
                    && scope.equals(grant.path("scope").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A 2xx that is a pending request (202) gets the second admin's approval. */
    private void changeThroughApproval(ApiClient.Answer answer) throws IOException, InterruptedException {
        expect(answer, "secrecy change");
        if (answer.status() == 202) {
            String requestId = answer.body().has("requestId")
                    ? answer.body().path("requestId").asText()
                    : answer.body().path("id").asText();
            expect(
                    api.post(
                            APPROVER,
                            endpoints.access() + "/secrecy-requests/" + requestId + "/approval",
                            Map.of("reason", REASON)),
                    "approval");
        }
    }

    private JsonNode awaitAccessKnows(String caseId) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            ApiClient.Answer answer = api.get(REQUESTER, endpoints.access() + "/cases/" + caseId + "/access");
            if (answer.ok()) {
                return answer.body();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("access never heard of case " + caseId);
    }

    private void loadInterview(JsonNode seed, Map<String, String> caseIds, String name)
            throws IOException, InterruptedException {
        ObjectNode interview = seed.path("interview").deepCopy();
        ArrayNode linked = json.createArrayNode();
        for (JsonNode key : interview.path("linkedCases")) {
            linked.add(caseIds.get(key.asText()));
        }
        interview.set("linkedCases", linked);
        String firstCase = linked.get(0).asText();
        String pseudonym = interview.path("pseudonym").asText();
        ApiClient.Answer existing = retryUntilOk(
                () -> api.get(LEAD, endpoints.interviews() + "/interviews?limit=100&case=" + firstCase),
                "interviews of a case");
        for (JsonNode item : existing.body().path("items")) {
            if (pseudonym.equals(item.path("pseudonym").asText())) {
                progress.accept("interview " + name + " already there");
                return;
            }
        }
        // The interviews service learns of a new case from access's events: retry while it catches up.
        ApiClient.Answer created =
                retryUntilOk(() -> api.post(LEAD, endpoints.interviews() + "/interviews", interview), "interview");
        String id = created.body().path("id").asText();
        for (JsonNode excerpt : seed.path("excerpts")) {
            ApiClient.Answer proposed = expect(
                    api.post(
                            LEAD,
                            endpoints.interviews() + "/interviews/" + id + "/excerpts",
                            Map.of("quote", excerpt.path("quote").asInt())),
                    "excerpt");
            int number = proposed.body().has("n")
                    ? proposed.body().path("n").asInt()
                    : proposed.body().path("number").asInt(excerpt.path("quote").asInt());
            if (excerpt.path("approve").asBoolean(false)) {
                // approved from the version just recorded: proposals leave it as it is
                expect(
                        api.update(
                                LEAD,
                                "POST",
                                endpoints.interviews() + "/interviews/" + id + "/excerpts/" + number + "/approval",
                                created.body().path("version").asLong(),
                                Map.of()),
                        "excerpt approval");
            }
        }
        progress.accept("interview " + name + " recorded");
    }

    private interface Call {
        ApiClient.Answer run() throws IOException, InterruptedException;
    }

    private static ApiClient.Answer retryUntilOk(Call call, String what) throws IOException, InterruptedException {
        ApiClient.Answer answer = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            answer = call.run();
            if (answer.ok()) {
                return answer;
            }
            Thread.sleep(500);
        }
        return expect(answer, what);
    }

    private static ApiClient.Answer expect(ApiClient.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " failed: HTTP " + answer.status() + " " + answer.raw());
        }
        return answer;
    }

    private List<Path> files(String folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(seeds.resolve(folder))) {
            list.filter(path -> path.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        return files;
    }
}
