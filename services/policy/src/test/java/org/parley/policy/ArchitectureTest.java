package org.parley.policy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules are plain Java: every service, whatever its framework, embeds the same jar. The one exception is
 * JSpecify's nullness annotations ({@code @Nullable}), which NullAway checks at compile time and which carry
 * no code.
 */
class ArchitectureTest {

    private static final JavaClasses POLICY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.parley.policy");

    @Test
    void thePolicyDependsOnlyOnTheJdkAndNullnessAnnotations() {
        classes()
                .that()
                .resideInAPackage("org.parley.policy..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.parley.policy..", "org.jspecify.annotations..")
                .check(POLICY);
    }

    @Test
    void noFrameworkNoJsonNoPersistence() {
        noClasses()
                .that()
                .resideInAPackage("org.parley.policy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax..", "io.quarkus..", "org.hibernate..", "com.fasterxml..")
                .check(POLICY);
    }

    @Test
    void theImportSawTheRules() {
        // Guards against a vacuous pass: the rules above must have had classes to check.
        org.assertj.core.api.Assertions.assertThat(POLICY.contain(SecrecyRules.class))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(POLICY.size()).isGreaterThanOrEqualTo(13);
    }
}
