package com.ordertracking.shared.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of {@code shared} (docs/architecture.md): domain ← application ← adapters ← wiring, with no
 * package cycles between layers or between the feature packages inside one.
 */
@AnalyzeClasses(packages = "com.ordertracking.shared", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {
    /** The JDK as the inner layers may use it (HMACs for links and webhook signatures included). */
    private static final String[] JDK = {"java..", "javax.crypto.."};

    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_itself_and_the_jdk = classes()
            .that().resideInAPackage("com.ordertracking.shared.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    concat(JDK, "com.ordertracking.shared.domain.."))
            .because("the domain is records, state machine and rules: no AWS SDK, no HTTP, no JSON");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_the_jdk = classes()
            .that().resideInAPackage("com.ordertracking.shared.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    concat(JDK, "com.ordertracking.shared.application..", "com.ordertracking.shared.domain.."))
            .because("use cases reach the outside through ports; HTTP, DynamoDB, SQS and SNS are adapters");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_the_wiring = noClasses()
            .that().resideInAPackage("com.ordertracking.shared.adapters..")
            .should().dependOnClassesThat().resideInAPackage("com.ordertracking.shared.wiring..")
            .because("the composition root builds adapters, never the other way round");

    @ArchTest
    static final ArchRule inner_layers_do_not_depend_on_the_wiring = noClasses()
            .that().resideInAnyPackage("com.ordertracking.shared.domain..", "com.ordertracking.shared.application..")
            .should().dependOnClassesThat().resideInAPackage("com.ordertracking.shared.wiring..");

    @ArchTest
    static final ArchRule no_cycles_between_layers = slices()
            .matching("com.ordertracking.shared.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycles_between_domain_features = slices()
            .matching("com.ordertracking.shared.domain.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycles_between_use_case_features = slices()
            .matching("com.ordertracking.shared.application.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycles_between_adapters = slices()
            .matching("com.ordertracking.shared.adapters.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycles_inside_the_http_adapter = slices()
            .matching("com.ordertracking.shared.adapters.http.(*)..").should().beFreeOfCycles();

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }
}
