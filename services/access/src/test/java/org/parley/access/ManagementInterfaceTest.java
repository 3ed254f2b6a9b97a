package org.parley.access;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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

    @TestHTTPResource("/")
    URL api;

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
        ManagementScrape.assertApiAnswersHealthAndMetricsLikeAnUnknownPath(api);
    }
}
