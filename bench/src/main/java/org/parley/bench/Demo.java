package org.parley.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.launcher.ApiClient;

/** Demo data the event-path benchmarks need, made through the APIs as a user would. */
final class Demo {

    static final String LEAD = "sofia";
    static final String ADMIN = "ana";
    static final String APPROVER = "bruno";
    static final String PARTNER = "lucia";
    static final String PARTNER_ORG = "oas";

    private Demo() {}

    /** Registers the demo users with access and the partner organisation. */
    static void prepare(Bench bench) throws Exception {
        for (String user : new String[] {LEAD, ADMIN, APPROVER}) {
            Bench.expect(bench.api.get(user, bench.url("access") + "/me"), "register " + user);
        }
        JsonNode organisations = Bench.JSON.readTree(
                bench.root.resolve("seeds/organisations.json").toFile());
        for (JsonNode organisation : organisations) {
            ApiClient.Answer answer = bench.api.post(ADMIN, bench.url("access") + "/organisations", organisation);
            if (!answer.ok() && answer.status() != 409) {
                Bench.expect(answer, "organisation");
            }
        }
        // a partner's token is refused until access knows its organisation
        Bench.expect(bench.api.get(PARTNER, bench.url("access") + "/me"), "register " + PARTNER);
    }

    /** A new SECRET case led by sofia (the first seed's header), once access knows it. */
    static String newCase(Bench bench, String title) throws Exception {
        ObjectNode body = (ObjectNode) Bench.JSON
                .readTree(bench.root
                        .resolve(Path.of("seeds/cases/01-escobar.json"))
                        .toFile())
                .path("case")
                .deepCopy();
        ((ObjectNode) body.path("header")).put("title", title);
        String id = Bench.expect(bench.api.post(LEAD, bench.url("cases") + "/cases", body), "case")
                .body()
                .path("id")
                .asText();
        retry(() -> bench.api.get(ADMIN, bench.url("access") + "/cases/" + id + "/access"), "access knows " + id);
        return id;
    }

    /** An interview linked to the case, on the given interviews instance, once that instance knows the case. */
    static String newInterview(Bench bench, String service, String caseId, Map<String, Object> body) throws Exception {
        Map<String, Object> interview = new java.util.LinkedHashMap<>(body);
        interview.put("linkedCases", java.util.List.of(caseId));
        return retry(() -> bench.api.post(LEAD, bench.url(service) + "/interviews", interview), "interview")
                .body()
                .path("id")
                .asText();
    }

    interface Call {
        ApiClient.Answer run() throws IOException, InterruptedException;
    }

    static ApiClient.Answer retry(Call call, String what) throws Exception {
        ApiClient.Answer answer = null;
        for (int attempt = 0; attempt < 240; attempt++) {
            answer = call.run();
            if (answer.ok()) {
                return answer;
            }
            Thread.sleep(250);
        }
        return Bench.expect(answer, what);
    }
}
