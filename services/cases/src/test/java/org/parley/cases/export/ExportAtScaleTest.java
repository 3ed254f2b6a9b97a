package org.parley.cases.export;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Sample;
import org.parley.policy.Role;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.testing.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 cases export in full while the service holds none of them: midway through the stream, what the heap retains
 * (after a full collection) is about what it retained before the export began. An export that gathered its cases
 * before writing would hold them all by then (tens of megabytes here).
 */
@QuarkusTest
class ExportAtScaleTest {

    static final Class<?> STACK = CasesTestResource.class;

    /** Only this class's cases are in this country. */
    static final String COUNTRY = "GL";

    static final int COPIES = 10_000;

    /** What the heap may grow by midway: buffers and a fetch of rows, nowhere near 10,000 cases. */
    static final long RETAINED_BOUND = 16L * 1024 * 1024;

    @Inject
    CaseService cases;

    @BeforeEach
    void fresh() {
        AccessStub.ensureFresh();
    }

    @AfterAll
    static void removeTheCopies() throws Exception {
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement removal = db.prepareStatement(
                        // the cases before their policies: a policy removed first would rewrite its case's row
                        "WITH files AS (DELETE FROM case_file WHERE country = ? RETURNING id)"
                                + " DELETE FROM case_policy WHERE case_id IN (SELECT id FROM files)")) {
            removal.setString(1, COUNTRY);
            removal.executeUpdate();
        }
    }

    @Test
    @TestSecurity(user = "ex-bulk", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ex-bulk"), @Claim(key = "org", value = "ifit")})
    void tenThousandCasesStreamWithFlatMemory() throws Exception {
        Viewer lead = Viewer.signedIn("ex-bulk", "ifit", Set.of(Role.STAFF));
        String template = cases.create(
                        lead, Sample.withMarkers("bulk", "bulk", COUNTRY, EntityType.CHURCH, GroupType.CARTEL))
                .id();
        AccessStub.setPolicy(template, "ifit", Tier.PUBLICLY_KNOWN, true, Map.of("ex-bulk", TeamRole.LEAD), List.of());
        // The copies' policies before the copies: a policy written after its case rewrites the case's row (its
        // register flag), a second write of every case that took half the time of this test.
        String copy = UUID.randomUUID() + "/";
        try (Connection db = Jdbc.connectToTestDatabase("cases")) {
            try (PreparedStatement policies = db.prepareStatement(
                    "INSERT INTO case_policy (case_id, owning_organisation, tier, results_released, policy_version)"
                            + " SELECT md5(? || g)::uuid, 'ifit', 'PUBLICLY_KNOWN', true, 1"
                            + " FROM generate_series(1, ?) g")) {
                policies.setString(1, copy);
                policies.setInt(2, COPIES);
                assertThat(policies.executeUpdate()).isEqualTo(COPIES);
            }
            try (PreparedStatement copies = db.prepareStatement("INSERT INTO case_file (id, version, title, country,"
                    + " region, status, period_start, period_end, context, process, timeline, results, created_by,"
                    + " created_at, updated_at) SELECT md5(? || g)::uuid, 1, t.title || ' ' || g, t.country, t.region,"
                    + " t.status, t.period_start - g, t.period_end, t.context, t.process, t.timeline, t.results,"
                    + " t.created_by, now(), now() FROM case_file t, generate_series(1, ?) g WHERE t.id = ?")) {
                copies.setString(1, copy);
                copies.setInt(2, COPIES);
                copies.setObject(3, UUID.fromString(template));
                assertThat(copies.executeUpdate()).isEqualTo(COPIES);
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = retained(memory);
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + RestAssured.port
                        + "/cases/export?format=json&ceiling=SECRET&country=" + COUNTRY)
                .toURL()
                .openConnection();
        connection.setReadTimeout(300_000);
        assertThat(connection.getResponseCode()).isEqualTo(200);
        long cases = 0;
        long read = 0;
        long midway = -1;
        StringBuilder head = new StringBuilder();
        byte[] needle = "\"version\":".getBytes(StandardCharsets.UTF_8);
        int matched = 0;
        try (InputStream body = connection.getInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                if (head.length() < 400) {
                    // the meta, which may come in more than one read
                    head.append(new String(buffer, 0, Math.min(n, 400), StandardCharsets.UTF_8));
                }
                // Every case document has one "version" member, and the meta has none.
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == needle[matched] ? matched + 1 : (buffer[i] == needle[0] ? 1 : 0);
                    if (matched == needle.length) {
                        cases++;
                        matched = 0;
                    }
                }
                read += n;
                if (midway < 0 && cases >= COPIES / 2) {
                    midway = retained(memory);
                }
            }
        }
        System.out.printf(
                "[export at scale] %,d cases, %,d bytes, heap retained midway %+,d bytes%n",
                cases, read, midway - before);
        assertThat(head.toString()).contains("\"count\":" + (COPIES + 1));
        assertThat(cases).isEqualTo(COPIES + 1);
        assertThat(read).as("bytes streamed").isGreaterThan(COPIES * 500L);
        assertThat(midway - before)
                .as("heap retained midway through %,d cases (%,d bytes streamed)", cases, read)
                .isLessThan(RETAINED_BOUND);
    }

    /** Heap used after full collections: what is retained. */
    private static long retained(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
