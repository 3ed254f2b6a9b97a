package org.parley.access;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.parley.testing.ManagementScrape;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Health and metrics answer on the management interface only; the API port answers them as any unknown path. */
@QuarkusTest
class ManagementInterfaceTest extends AccessStackTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() {
        assertThat(ready.getPort()).as("not the API port").isNotEqualTo(RestAssured.port);
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        assertThat(ManagementScrape.of(metrics))
                .contains("jvm_memory_used_bytes")
                .doesNotContain("http_server_requests")
                .doesNotContain("kafka_consumer")
                .doesNotContain("mp_messaging");
    }

    @Test
    void theApiPortAnswersHealthAndMetricsLikeAnyUnknownPath() {
        String unknown = fingerprint(given().get("/q/no-such-endpoint-" + UUID.randomUUID()));
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready")) {
            assertThat(fingerprint(given().get(path))).as(path).isEqualTo(unknown);
        }
        assertThat(unknown).startsWith("404");
    }

    private static String fingerprint(Response response) {
        List<String> headers = response.getHeaders().asList().stream()
                .filter(header -> !header.getName().equalsIgnoreCase("Date"))
                .map(header -> header.getName().toLowerCase() + ": " + header.getValue())
                .sorted()
                .toList();
        return response.getStatusCode() + "\n" + String.join("\n", headers) + "\n\n" + response.asString();
    }
}
