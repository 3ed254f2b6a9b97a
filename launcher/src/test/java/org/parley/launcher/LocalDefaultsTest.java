package org.parley.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person gets by running the platform locally: every port on 127.0.0.1 only, health and metrics on a
 * management port apart from the API, a durable PostgreSQL, and no password on a command line.
 */
class LocalDefaultsTest {

    private static final Path ROOT = root();
    private static final List<String> APPS = List.of("cases", "interviews", "access", "events", "console");

    @Test
    void everyServiceListensOnLoopbackUnlessTheDeploymentOpensIt() throws IOException {
        for (String app : APPS) {
            Properties config = config(app);
            assertThat(config.getProperty("quarkus.http.host")).as(app).isEqualTo("127.0.0.1");
            assertThat(config.getProperty("quarkus.management.host")).as(app).isEqualTo("127.0.0.1");
            // no profile (dev, prod, test) may open it again: only the environment of a deployment does
            assertThat(config.stringPropertyNames())
                    .as(app)
                    .noneMatch(key ->
                            key.startsWith("%") && (key.endsWith(".http.host") || key.endsWith(".management.host")));
        }
    }

    @Test
    void healthAndMetricsAreOnAManagementPortOfTheirOwn() throws IOException {
        Map<String, Integer> ports = Map.of("console", Platform.CONSOLE_PORT);
        for (String app : APPS) {
            Properties config = config(app);
            int port = Integer.parseInt(config.getProperty("quarkus.http.port"));
            assertThat(config.getProperty("quarkus.management.enabled")).as(app).isEqualTo("true");
            assertThat(Integer.parseInt(config.getProperty("quarkus.management.port")))
                    .as(app)
                    .isEqualTo(Platform.managementPort(port))
                    .isNotEqualTo(port);
            // tests of several checkouts run on one machine at once: never a fixed management port there
            assertThat(config.getProperty("quarkus.management.test-port"))
                    .as(app)
                    .isEqualTo("0");
            assertThat(Platform.SERVICES.getOrDefault(app, ports.get(app)))
                    .as(app)
                    .isEqualTo(port);
        }
    }

    @Test
    void deploymentsOpenTheInterfacesExplicitly() throws IOException {
        String compose = Files.readString(ROOT.resolve("deploy/compose/compose.yaml"));
        assertThat(compose)
                .contains("QUARKUS_HTTP_HOST: 0.0.0.0")
                .contains("exec 3<>/dev/tcp/127.0.0.1/9081 && printf 'GET /q/health/ready")
                .doesNotContain("exec 3<>/dev/tcp/127.0.0.1/8081");
        for (String service : List.of("cases", "interviews", "access", "events")) {
            String manifest = Files.readString(ROOT.resolve("deploy/k8s/services/" + service + ".yaml"));
            int port = Platform.SERVICES.get(service);
            assertThat(manifest)
                    .as(service)
                    .contains("name: QUARKUS_HTTP_HOST\n              value: 0.0.0.0")
                    .contains("name: QUARKUS_MANAGEMENT_HOST\n              value: 0.0.0.0")
                    .contains("containerPort: " + Platform.managementPort(port))
                    .contains("prometheus.io/port: \"" + Platform.managementPort(port) + "\"")
                    .doesNotContain("port: http\n            periodSeconds");
        }
    }

    @Test
    void theLaunchersStackIsDurable() {
        List<String> command = StackProcess.command(ROOT, ROOT.resolve(".parley"));

        int flag = command.indexOf("--durable");
        assertThat(flag).isPositive();
        assertThat(command.get(flag + 1)).isEqualTo("true");
    }

    @Test
    void passwordsGoToTheEnvironmentNotTheCommandLine() {
        assertThat(ServiceProcess.isSecret("quarkus.datasource.password")).isTrue();
        assertThat(ServiceProcess.isSecret("quarkus.oidc.credentials.secret")).isTrue();
        assertThat(ServiceProcess.isSecret("quarkus.datasource.jdbc.url")).isFalse();
        assertThat(ServiceProcess.environmentName("quarkus.datasource.password"))
                .isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
    }

    private static Properties config(String app) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve("services").resolve(app).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** The repository root: the configured parley.root, else the nearest directory up holding mvnw. */
    static Path root() {
        String configured = System.getProperty("parley.root");
        Path dir = configured != null && !configured.contains("${")
                ? Path.of(configured)
                : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
