package dev.converge.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of DESIGN.md §3 as ArchUnit rules, for any root package. {@code ArchitectureTest} checks them
 * on {@code dev.converge}; it also checks them on small fixture trees under {@code dev.converge.arch} (one that
 * follows every rule, one that breaks each) to prove that a broken rule is caught. Packages that do not exist yet
 * are allowed to be empty.
 */
public final class ArchitectureRules {

    /**
     * Main classes only. ArchUnit's own {@link ImportOption.DoNotIncludeTests} knows only {@code target/test-classes};
     * builds here may use another output folder ({@code -Dconverge.target=target-b}).
     */
    public static final ImportOption MAIN_CLASSES_ONLY = new ImportOption() {
        private final ImportOption standard = new ImportOption.DoNotIncludeTests();
        private final Pattern anyMavenTarget = Pattern.compile(".*/target[^/]*/test-classes/.*");

        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return standard.includes(location) && !location.matches(anyMavenTarget);
        }
    };

    private final String root;

    private ArchitectureRules(String root) {
        this.root = root;
    }

    public static ArchitectureRules forRoot(String root) {
        return new ArchitectureRules(root);
    }

    private String pkg(String name) {
        return root + "." + name + "..";
    }

    /**
     * Dependencies point one way: error and sql on nothing else; schema and source on sql; dialect (what the engine
     * needs from a database engine) on schema; sqlite (SQLite's dialect) on dialect and schema; history on source and
     * sqlite; detect on source, sql, schema, dialect, sqlite, history; apply on detect, history, dialect, sqlite and
     * what flows through them; the root package on all, and nothing on the root package but fleet (many databases, each
     * through the root's API), on which nothing depends. Every package may use error.
     */
    public ArchRule packageDependencies() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("root").definedBy(root)
                .layer("error").definedBy(pkg("error"))
                .layer("sql").definedBy(pkg("sql"))
                .layer("schema").definedBy(pkg("schema"))
                .layer("source").definedBy(pkg("source"))
                .layer("dialect").definedBy(pkg("dialect"))
                .layer("sqlite").definedBy(pkg("sqlite"))
                .layer("history").definedBy(pkg("history"))
                .layer("detect").definedBy(pkg("detect"))
                .layer("apply").definedBy(pkg("apply"))
                .layer("fleet").definedBy(pkg("fleet"))
                .whereLayer("error").mayNotAccessAnyLayer()
                .whereLayer("sql").mayOnlyAccessLayers("error")
                .whereLayer("schema").mayOnlyAccessLayers("sql", "error")
                .whereLayer("source").mayOnlyAccessLayers("sql", "error")
                .whereLayer("dialect").mayOnlyAccessLayers("schema", "error")
                .whereLayer("sqlite").mayOnlyAccessLayers("dialect", "schema", "sql", "error")
                .whereLayer("history").mayOnlyAccessLayers("source", "sql", "sqlite", "error")
                .whereLayer("detect").mayOnlyAccessLayers("source", "sql", "schema", "dialect", "sqlite", "history",
                        "error")
                .whereLayer("apply").mayOnlyAccessLayers("detect", "history", "dialect", "sqlite", "schema", "source",
                        "sql", "error")
                .whereLayer("root").mayOnlyBeAccessedByLayers("fleet")
                .whereLayer("fleet").mayNotBeAccessedByAnyLayer()
                .as("packages under " + root + " depend on each other only as DESIGN.md §3 allows");
    }

    /**
     * JDBC ({@code java.sql}, {@code javax.sql}) only in dialect, sqlite, history, detect.Reference, apply and the
     * root.
     */
    public ArchRule jdbcOnlyWhereAllowed() {
        String reference = root + ".detect.Reference";
        DescribedPredicate<JavaClass> referenceOrNested = DescribedPredicate.describe(reference + " or nested in it",
                c -> c.getName().equals(reference) || c.getName().startsWith(reference + "$"));
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root, pkg("dialect"), pkg("sqlite"), pkg("history"), pkg("apply"))
                .and(DescribedPredicate.not(referenceOrNested))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("JDBC lives only in dialect, sqlite, history, detect.Reference, apply and the root package;"
                        + " everything else is pure and tested with values (DESIGN.md §3)")
                .allowEmptyShould(true);
    }

    /**
     * SQLite's driver ({@code org.sqlite}) only in the sqlite package: the engine reaches SQLite through the dialect,
     * so that a second engine would be a new package (docs/design.md, "The dialect seam").
     */
    public ArchRule sqliteDriverOnlyInItsDialect() {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(pkg("sqlite"))
                .should().dependOnClassesThat().resideInAPackage("org.sqlite..")
                .because("SQLite's driver is used only behind the dialect seam, in the sqlite package")
                .allowEmptyShould(true);
    }

    /** No cycle between the packages under the root. */
    public ArchRule noCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("the packages under " + root + " are free of cycles")
                .allowEmptyShould(true);
    }

    /** Every class lives in the root package or one of the packages of DESIGN.md §3. */
    public ArchRule onlyKnownPackages() {
        return classes().that().resideInAPackage(root + "..")
                .should().resideInAnyPackage(root, pkg("error"), pkg("sql"), pkg("schema"), pkg("source"),
                        pkg("dialect"), pkg("sqlite"), pkg("history"), pkg("detect"), pkg("apply"), pkg("fleet"))
                .because("a new package needs its place in DESIGN.md §3 and in these rules first")
                .allowEmptyShould(true);
    }

    public List<ArchRule> all() {
        return List.of(packageDependencies(), jdbcOnlyWhereAllowed(), sqliteDriverOnlyInItsDialect(), noCycles(),
                onlyKnownPackages());
    }
}
