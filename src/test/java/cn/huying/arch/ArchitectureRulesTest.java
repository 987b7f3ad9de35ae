package cn.huying.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The ARCHITECTURE.md rules that ArchUnit can check. */
@AnalyzeClasses(packages = "cn.huying", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    /** Rule 7: REST controllers live in a module's {@code api} package and are package-private. */
    @ArchTest
    static final ArchRule restControllersAreThinAndPackagePrivate = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..api..")
            .andShould().notBePublic();

    /** Rule 7: page controllers live in a module's {@code web} package and are package-private. */
    @ArchTest
    static final ArchRule pageControllersAreThinAndPackagePrivate = classes()
            .that().areAnnotatedWith(Controller.class)
            .should().resideInAPackage("..web..")
            .andShould().notBePublic();

    /** Constructor injection only: dependencies are explicit and final. */
    @ArchTest
    static final ArchRule noFieldInjection = fields()
            .should().notBeAnnotatedWith(Autowired.class);

    /** Time comes from the injected {@link java.time.Clock} and java.time, never the legacy date classes. */
    @ArchTest
    static final ArchRule noLegacyDates = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Calendar");

    /** Console output is not logging; only a command-line runner (e.g. {@code --verify-history}) prints to its console. */
    @ArchTest
    static final ArchRule noSystemOut = noClasses()
            .that().doNotImplement(org.springframework.boot.ApplicationRunner.class)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    /** Persistence stays inside its module: JdbcClient is used only by module internals, never by controllers. */
    @ArchTest
    static final ArchRule controllersDoNotTouchTheDatabase = noClasses()
            .that().resideInAnyPackage("..api..", "..web..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient");

    /**
     * The shell (layout, home page, error pages) knows no feature module: modules contribute their links and home
     * cards (shared's NavItem and HomeWidget), so adding a module edits no shell file.
     */
    @ArchTest
    static final ArchRule theShellImportsNoFeatureModule = noClasses()
            .that().resideInAPackage("cn.huying.web..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.huying.cases..", "cn.huying.notify..",
                    "cn.huying.hotline..", "cn.huying.region..", "cn.huying.calendar..", "cn.huying.demo..",
                    "cn.huying.mediation..", "cn.huying.residents..", "cn.huying.patrol..", "cn.huying.assessment..",
                    "cn.huying.analytics..", "cn.huying.finance..", "cn.huying.projects..");

    /**
     * The read side is a leaf (issue 23): analytics reads what the other modules publish and nothing depends on it, so
     * a report, a ledger or a dashboard can change, or the module go, without touching a module that does the work.
     */
    @ArchTest
    static final ArchRule nothingDependsOnAnalytics = noClasses()
            .that().resideOutsideOfPackage("cn.huying.analytics..")
            .should().dependOnClassesThat().resideInAPackage("cn.huying.analytics..");
}
