package dev.converge.fleet;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetFilesTest {
    @TempDir
    Path dir;

    private Path touch(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "");
        return p;
    }

    @Test
    void aPatternListsTheMatchingFilesInPathOrderAndNothingElse() throws Exception {
        touch("tenants/b.db");
        touch("tenants/a.db");
        touch("tenants/notes.txt");
        touch("tenants/deeper/c.db");
        List<Path> found = FleetFiles.resolve(List.of(dir + "/tenants/*.db"), List.of());
        assertThat(found).containsExactly(dir.resolve("tenants/a.db"), dir.resolve("tenants/b.db"));
        assertThat(FleetFiles.resolve(List.of(dir + "/tenants/**.db"), List.of()))
                .containsExactly(dir.resolve("tenants/a.db"), dir.resolve("tenants/b.db"),
                        dir.resolve("tenants/deeper/c.db"));
    }

    @Test
    void pathsPatternsAndListsTogetherNameEachFileOnceInTheOrderGiven() throws Exception {
        Path a = touch("t/a.db");
        Path b = touch("t/b.db");
        Path c = touch("c.db");
        Path list = dir.resolve("fleet.txt");
        Files.writeString(list, "# the tenants\n" + c + "\n\n  " + a + "  \n" + dir + "/t/../t/b.db\n");
        assertThat(FleetFiles.resolve(List.of(b.toString(), dir + "/t/*.db"), List.of(list)))
                .containsExactly(b, a, c);
    }

    @Test
    void aPatternThatMatchesNothingOrAListThatCannotBeReadIsRefusedByName() {
        assertThatThrownBy(() -> FleetFiles.resolve(List.of(dir + "/none/*.db"), List.of()))
                .isInstanceOf(ConvergeException.class)
                .satisfies(e -> assertThat(((ConvergeException) e).code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("no database file matches " + dir + "/none/*.db");
        assertThatThrownBy(() -> FleetFiles.resolve(List.of(), List.of(dir.resolve("absent.txt"))))
                .hasMessageContaining("cannot read the database list " + dir.resolve("absent.txt"));
    }

    @Test
    void aRelativePatternGivesRelativePaths() {
        assertThat(FleetFiles.isPattern("tenants/*.db")).isTrue();
        assertThat(FleetFiles.isPattern("tenants/a.db")).isFalse();
        // run from the module folder: pom.xml is there, and its relative form is what a shard hashes
        assertThat(FleetFiles.resolve(List.of("pom.x?l"), List.of())).containsExactly(Path.of("pom.xml"));
    }
}
