package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationSetTest {
    private static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static Migration m(String fileName) {
        return Migration.of(fileName, "CREATE TABLE t" + fileName.hashCode() + " (x);", "db/" + fileName);
    }

    private static MigrationSet withGaps() {
        return MigrationSet.of(List.of(m("100_e.sql"), m("2_c.sql"), m("10_d.sql"), m("0_a.sql"), m("001_b.sql")));
    }

    @Test
    void ordersByVersionNumericallyWithGaps() {
        MigrationSet set = withGaps();
        assertThat(set.migrations()).extracting(mi -> mi.version().value()).containsExactly(0L, 1L, 2L, 10L, 100L);
        List<String> iterated = new ArrayList<>();
        set.forEach(mi -> iterated.add(mi.name()));
        assertThat(iterated).containsExactly("0_a.sql", "001_b.sql", "2_c.sql", "10_d.sql", "100_e.sql");
        assertThat(set.size()).isEqualTo(5);
        assertThat(set.isEmpty()).isFalse();
        assertThat(set.highest()).contains(Version.of(100));
    }

    @Test
    void findsAMigrationByVersion() {
        MigrationSet set = withGaps();
        assertThat(set.get(Version.of(10))).map(Migration::name).contains("10_d.sql");
        assertThat(set.get(Version.parse("001"))).map(Migration::name).contains("001_b.sql");
        assertThat(set.get(Version.of(3))).isEmpty();
    }

    @Test
    void refusesTwoFilesWithOneVersionNamingBoth() {
        assertThatThrownBy(() -> MigrationSet.of(List.of(m("2_x.sql"), m("001_a.sql"), m("1_b.sql"))))
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_MIGRATION_NAME);
                    assertThat(e.version()).hasValue(1);
                    assertThat(e.getMessage()).contains("db/001_a.sql").contains("db/1_b.sql").contains("version 1");
                });
    }

    @Test
    void emptySetHasNoHighestVersion() {
        MigrationSet empty = MigrationSet.of(List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.size()).isZero();
        assertThat(empty.highest()).isEmpty();
        assertThat(empty.checksumChain()).isEqualTo(SHA256_EMPTY);
    }

    @Test
    void migrationsCannotBeModified() {
        MigrationSet set = withGaps();
        assertThatThrownBy(() -> set.migrations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(set.size()).isEqualTo(5);
    }

    @Test
    void checksumChainDependsOnVersionsAndTextsNotOnInputOrder() {
        MigrationSet a = MigrationSet.of(List.of(m("1_a.sql"), m("2_b.sql")));
        MigrationSet reordered = MigrationSet.of(List.of(m("2_b.sql"), m("1_a.sql")));
        assertThat(reordered.checksumChain()).isEqualTo(a.checksumChain()).hasSize(64).matches("[0-9a-f]+");

        MigrationSet textChanged = MigrationSet.of(List.of(m("1_a.sql"),
                Migration.of("2_b.sql", "CREATE TABLE other (x);", "db/2_b.sql")));
        assertThat(textChanged.checksumChain()).isNotEqualTo(a.checksumChain());

        Migration b = m("2_b.sql");
        MigrationSet renumbered = MigrationSet.of(List.of(m("1_a.sql"),
                Migration.of("3_b.sql", b.text(), "db/3_b.sql")));
        assertThat(renumbered.checksumChain()).isNotEqualTo(a.checksumChain());

        MigrationSet lineEndings = MigrationSet.of(List.of(m("1_a.sql"),
                Migration.of("2_b.sql", b.text() + "\r\n", "db/2_b.sql")));
        MigrationSet lf = MigrationSet.of(List.of(m("1_a.sql"), Migration.of("2_b.sql", b.text() + "\n", "db/2_b.sql")));
        assertThat(lineEndings.checksumChain()).isEqualTo(lf.checksumChain());
    }

    @Test
    void upToKeepsTheMigrationsAtOrBelowAVersion() {
        MigrationSet set = withGaps();
        assertThat(set.upTo(Version.of(5)).migrations()).extracting(Migration::name)
                .containsExactly("0_a.sql", "001_b.sql", "2_c.sql");
        assertThat(set.upTo(Version.of(10)).highest()).contains(Version.of(10));
        assertThat(set.upTo(Version.of(100))).isEqualTo(set);
        assertThat(set.upTo(Version.of(1000)).size()).isEqualTo(5);
        assertThat(MigrationSet.of(List.of(m("3_a.sql"))).upTo(Version.of(2)).isEmpty()).isTrue();
        assertThat(set.upTo(Version.of(5)).checksumChain()).isNotEqualTo(set.checksumChain())
                .isEqualTo(MigrationSet.of(List.of(m("2_c.sql"), m("0_a.sql"), m("001_b.sql"))).checksumChain());
    }

    @Test
    void anIncompleteFileIsRefusedEveryTimeItsStatementsAreAsked() {
        Migration bad = Migration.of("1_bad.sql", "CREATE TABLE a (x);\nINSERT INTO a VALUES ('open", "db/1_bad.sql");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(bad::statements).isInstanceOfSatisfying(ConvergeException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.BAD_SQL);
                assertThat(e.getMessage()).contains("db/1_bad.sql");
            });
        }
    }
}
