package org.parley.cases.imports;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.ImportApi;
import org.parley.cases.api.ImportReport;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.CasesTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The largest import there may be, 1,000 cases, as a dry run, for real in one transaction, and again. */
@QuarkusTest
class ImportAtScaleTest {

    static final Class<?> STACK = CasesTestResource.class;

    final ObjectMapper json = new ObjectMapper();

    @Test
    @TestSecurity(user = "im-scale", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "im-scale"), @Claim(key = "org", value = "ifit")})
    void aThousandCasesImportWholeAndRerunUnchanged() throws Exception {
        AccessStub.ensureFresh();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ArrayNode file = json.createArrayNode();
        for (int i = 0; i < ImportApi.MAX_ROWS; i++) {
            ObjectNode document = file.addObject().put("externalReference", "scale-" + tag + "-" + i);
            ObjectNode header = document.putObject("header")
                    .put("title", "Scale " + tag + " " + i)
                    .put("country", "TO")
                    .put("status", "ACTIVE");
            header.putObject("period").put("start", "2010");
            document.putObject("context").put("level", "LOCAL");
            document.putObject("process")
                    .putArray("timeline")
                    .addObject()
                    .put("date", "2010-05")
                    .put("kind", "MEETING")
                    .put("summary", "A meeting");
            document.putObject("results").put("dealReached", i % 2 == 0);
        }
        byte[] body = json.writeValueAsBytes(file);

        long dry = System.nanoTime();
        ImportReport planned = post(body, true);
        dry = System.nanoTime() - dry;
        assertThat(planned.created()).isEqualTo(ImportApi.MAX_ROWS);

        long real = System.nanoTime();
        ImportReport done = post(body, false);
        real = System.nanoTime() - real;
        assertThat(done.created()).isEqualTo(ImportApi.MAX_ROWS);
        assertThat(done.rows()).allSatisfy(row -> assertThat(row.caseId()).isNotNull());

        long again = System.nanoTime();
        ImportReport rerun = post(body, false);
        again = System.nanoTime() - again;
        assertThat(rerun.unchanged()).isEqualTo(ImportApi.MAX_ROWS);
        assertThat(rerun.created()).isZero();

        System.out.printf(
                "import of %d cases (%d bytes of JSON): dry run %d ms, import %d ms, rerun %d ms%n",
                ImportApi.MAX_ROWS, body.length, dry / 1_000_000, real / 1_000_000, again / 1_000_000);
    }

    private static ImportReport post(byte[] body, boolean dryRun) {
        Response response = given().contentType(ContentType.JSON)
                .queryParam("dryRun", dryRun)
                .body(body)
                .post("/cases/import");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.as(ImportReport.class);
    }
}
