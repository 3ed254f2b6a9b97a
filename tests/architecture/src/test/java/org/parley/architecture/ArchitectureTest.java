package org.parley.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which packages may use which, across the whole build: the main (non-test) classes of every module, read from
 * the modules this one depends on (see its pom). A service's {@code org.parley.<service>.api..} packages are its
 * published contract (per-service API modules), not its inside: the console may use them, and so may another
 * service.
 */
class ArchitectureTest {

    /** The deployable services, the console included: each talks to the others over HTTP or Kafka only. */
    static final List<String> SERVICES = List.of("cases", "interviews", "access", "events", "console");

    static final String[] SERVICE_PACKAGES =
            SERVICES.stream().map(s -> "org.parley." + s + "..").toArray(String[]::new);

    static final String[] SERVICE_API_PACKAGES =
            SERVICES.stream().map(s -> "org.parley." + s + ".api..").toArray(String[]::new);

    /** The libraries the services embed. */
    static final String[] LIBRARY_PACKAGES = {
        "org.parley.policy..",
        "org.parley.web..",
        "org.parley.messaging..",
        "org.parley.projection..",
        "org.parley.gate.."
    };

    /** Packages that exist for tests only. */
    static final String[] TEST_ONLY_PACKAGES = {
        "org.parley.testing..",
        "org.junit..",
        "org.assertj..",
        "org.awaitility..",
        "net.jqwik..",
        "io.quarkus.test..",
        "io.restassured..",
        "org.mockito..",
        "com.tngtech.archunit..",
        "org.openqa.selenium.."
    };

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // db.migration: Flyway's Java migrations (the cases service's), where Flyway looks for them
            .importPackages("org.parley", "db.migration");

    @Test
    void noServiceDependsOnAnother() {
        slices().assignedFrom(new ServiceSlices())
                .should()
                .notDependOnEachOther()
                .because("services talk to each other over HTTP and Kafka, never through each other's classes")
                .check(MAIN);
    }

    @Test
    void theConsoleUsesNoServiceNorMessagingOnlyHttp() {
        DescribedPredicate<JavaClass> forbidden = resideInAnyPackage(concat(
                        SERVICE_PACKAGES, "org.parley.messaging..", "org.parley.projection..", "org.parley.gate.."))
                .and(not(resideInAnyPackage(SERVICE_API_PACKAGES)))
                .and(not(resideInAnyPackage("org.parley.console..")));
        noClasses()
                .that()
                .resideInAPackage("org.parley.console..")
                .should()
                .dependOnClassesThat(forbidden)
                .because("the console calls the services over HTTP with the user's token (a service's api package"
                        + " is allowed)")
                .check(MAIN);
    }

    @Test
    void messagingKnowsNoPolicyGateOrProjection() {
        noClasses()
                .that()
                .resideInAPackage("org.parley.messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.parley.policy..", "org.parley.gate..", "org.parley.projection..")
                .because("messaging moves envelopes; what they mean is the business of the libraries above it")
                .check(MAIN);
    }

    @Test
    void librariesDependOnNoService() {
        noClasses()
                .that()
                .resideInAnyPackage(LIBRARY_PACKAGES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICE_PACKAGES)
                .because("the libraries sit below every service")
                .check(MAIN);
    }

    @Test
    void mainCodeDependsOnNoTestCode() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.parley.testing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TEST_ONLY_PACKAGES)
                .because("test support and test libraries are not shipped")
                .check(MAIN);
    }

    /**
     * Guards against a vacuous pass: every module of the root pom that has main sources is read here, so a new
     * module that is not yet a dependency of this one fails this test instead of escaping the rules.
     */
    @Test
    void everyModuleIsRead() throws IOException {
        Path root = root();
        String pom = Files.readString(root.resolve("pom.xml")).replaceAll("(?s)<!--.*?-->", "");
        Matcher module = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(pom);
        List<String> unread = new ArrayList<>();
        int modulesWithMainCode = 0;
        while (module.find()) {
            Path sources = root.resolve(module.group(1)).resolve("src/main/java");
            Optional<String> someClass = someClassIn(sources);
            if (someClass.isPresent()) {
                modulesWithMainCode++;
                if (!MAIN.contain(someClass.get())) {
                    unread.add(module.group(1) + " (" + someClass.get() + ")");
                }
            }
        }
        assertThat(unread)
                .as("modules whose main classes this module does not read: add them to tests/architecture/pom.xml")
                .isEmpty();
        assertThat(modulesWithMainCode).isGreaterThanOrEqualTo(12);
        List<String> packages = new ArrayList<>();
        SERVICES.forEach(service -> packages.add("org.parley." + service));
        packages.add("org.parley.proto.v1"); // proto/ has no Java sources, only classes generated from its schemas
        assertThat(packages).allMatch(MAIN::containPackage);
    }

    private static Optional<String> someClassIn(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                    .sorted()
                    .findFirst()
                    .map(file -> sources.relativize(file)
                            .toString()
                            .replace(".java", "")
                            .replace(sources.getFileSystem().getSeparator(), "."));
        }
    }

    private static Path root() {
        String configured = System.getProperty("parley.root");
        Path root = configured == null ? Path.of("../..") : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    /** One slice per service; classes of no service, and a service's api packages, belong to none. */
    static final class ServiceSlices implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            for (String service : SERVICES) {
                String base = "org.parley." + service;
                if (name.equals(base + ".api") || name.startsWith(base + ".api.")) {
                    return SliceIdentifier.ignore();
                }
                if (name.equals(base) || name.startsWith(base + ".")) {
                    return SliceIdentifier.of(service);
                }
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the services " + SERVICES;
        }
    }
}
