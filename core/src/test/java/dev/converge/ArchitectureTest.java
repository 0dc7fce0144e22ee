package dev.converge;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.converge.arch.ArchitectureRules;
import dev.converge.error.ConvergeException;
import dev.converge.source.Migration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The package rules of DESIGN.md §3 hold for the main classes of core; and each rule, applied to a fixture tree
 * that breaks it, fails naming the offending class, so a rule cannot quietly stop checking anything.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ArchitectureRules.MAIN_CLASSES_ONLY)
            .importPackages("dev.converge");
    private static final ArchitectureRules RULES = ArchitectureRules.forRoot("dev.converge");

    private static final JavaClasses GOOD = new ClassFileImporter().importPackages("dev.converge.arch.good");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages("dev.converge.arch.bad");
    private static final ArchitectureRules GOOD_RULES = ArchitectureRules.forRoot("dev.converge.arch.good");
    private static final ArchitectureRules BAD_RULES = ArchitectureRules.forRoot("dev.converge.arch.bad");

    // ---- the rules, on the real code

    @Test
    void importsTheMainClassesAndNoTestClasses() {
        assertThat(MAIN.contain(ConvergeException.class)).isTrue();
        assertThat(MAIN.contain(Migration.class)).isTrue();
        assertThat(MAIN.stream().map(JavaClass::getName))
                .noneMatch(name -> name.startsWith("dev.converge.arch."))
                .noneMatch(name -> name.endsWith("Test"));
    }

    @Test
    void packagesDependOnEachOtherOnlyAsDesigned() {
        RULES.packageDependencies().check(MAIN);
    }

    @Test
    void jdbcOnlyInDialectSqliteHistoryReferenceApplyAndRoot() {
        RULES.jdbcOnlyWhereAllowed().check(MAIN);
    }

    @Test
    void sqliteDriverOnlyBehindTheDialectSeam() {
        RULES.sqliteDriverOnlyInItsDialect().check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        RULES.noCycles().check(MAIN);
    }

    @Test
    void everyClassIsInAPackageOfTheDesign() {
        RULES.onlyKnownPackages().check(MAIN);
    }

    // ---- the rules catch what they should, and only that

    @Test
    void aTreeThatFollowsTheDesignPassesEveryRule() {
        assertThat(GOOD.size()).isGreaterThanOrEqualTo(10);
        for (ArchRule rule : GOOD_RULES.all()) {
            rule.check(GOOD);
        }
    }

    @Test
    void dependencyRuleCatchesALowerPackageUsingAHigherOne() {
        assertThatThrownBy(() -> BAD_RULES.packageDependencies().check(BAD))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.converge.arch.bad.sql.UsesSchema")
                .hasMessageContaining("dev.converge.arch.bad.schema.Model");
    }

    @Test
    void dependencyRuleCatchesAPackageUsingTheRoot() {
        assertThatThrownBy(() -> BAD_RULES.packageDependencies().check(BAD))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.converge.arch.bad.source.UsesRoot");
    }

    @Test
    void jdbcRuleCatchesJdbcInAPurePackageAndBesideReference() {
        assertThatThrownBy(() -> BAD_RULES.jdbcOnlyWhereAllowed().check(BAD))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.converge.arch.bad.sql.UsesJdbc")
                .hasMessageContaining("java.sql.Connection")
                .hasMessageContaining("dev.converge.arch.bad.detect.ReferenceCache")
                .hasMessageContaining("javax.sql.DataSource");
    }

    @Test
    void dialectRuleCatchesTheDriverOutsideTheSqlitePackage() {
        assertThatThrownBy(() -> BAD_RULES.sqliteDriverOnlyInItsDialect().check(BAD))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.converge.arch.bad.sql.UsesDriver")
                .hasMessageContaining("org.sqlite.SQLiteConfig");
    }

    @Test
    void cycleRuleCatchesTwoPackagesUsingEachOther() {
        assertThatThrownBy(() -> BAD_RULES.noCycles().check(BAD))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.converge.arch.bad.history.Cyclic")
                .hasMessageContaining("dev.converge.arch.bad.detect.Cyclic");
    }

    @Test
    void knownPackagesRuleCatchesAPackageOutsideTheDesign() {
        assertThatThrownBy(() -> BAD_RULES.onlyKnownPackages().check(BAD))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.converge.arch.bad.util.Stray");
    }
}
