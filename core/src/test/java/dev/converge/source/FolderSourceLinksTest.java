package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Links in a migration folder behave as the files they name: read, ignored as a folder, or refused when broken. */
class FolderSourceLinksTest {
    @TempDir
    Path tmp;

    @Test
    void aLinkToAFileIsReadAsThatFileAndALinkToAFolderIsIgnored() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("migrations"));
        Path elsewhere = Files.writeString(tmp.resolve("kept.txt"), "CREATE TABLE b (x);\n");
        Files.writeString(dir.resolve("001_a.sql"), "CREATE TABLE a (x);\n");
        Files.createSymbolicLink(dir.resolve("002_b.sql"), elsewhere);
        Files.createSymbolicLink(dir.resolve("003_folder.sql"), Files.createDirectories(tmp.resolve("sub")));

        MigrationSet set = MigrationSource.folder(dir).load();

        assertThat(set.migrations()).extracting(Migration::name).containsExactly("001_a.sql", "002_b.sql");
        assertThat(set.migrations().get(1).text()).isEqualTo("CREATE TABLE b (x);\n");
        assertThat(set.migrations().get(1).checksum()).isEqualTo(Checksum.of("CREATE TABLE b (x);\n"));
    }

    @Test
    void aBrokenLinkNamedLikeAMigrationIsRefusedNamingIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("migrations"));
        Files.writeString(dir.resolve("001_a.sql"), "CREATE TABLE a (x);\n");
        Path link = Files.createSymbolicLink(dir.resolve("002_b.sql"), tmp.resolve("gone.sql"));

        assertThatThrownBy(() -> MigrationSource.folder(dir).load())
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.getMessage()).contains("002_b.sql", "does not exist (or is a broken link)");
                    assertThat(e.file()).contains(link.toString());
                });
    }
}
