package dev.converge.batch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFilePartitionerTest {
    @Test
    void aPartitionIsNamedByItsPathAloneSoThatARestartOverAChangedFleetFindsTheSameDatabase() {
        Path a = Path.of("tenants/a.db");
        Path b = Path.of("tenants/b.db");
        var first = new DatabaseFilePartitioner(List.of(a, b)).partition(1);
        var later = new DatabaseFilePartitioner(List.of(Path.of("tenants/new.db"), b, a)).partition(8);

        assertThat(first).hasSize(2);
        assertThat(first.get(DatabaseFilePartitioner.name(a)).getString(DatabaseFilePartitioner.DATABASE))
                .isEqualTo("tenants/a.db");
        assertThat(later.get(DatabaseFilePartitioner.name(a))).isEqualTo(first.get(DatabaseFilePartitioner.name(a)));
        assertThat(later.get(DatabaseFilePartitioner.name(b))).isEqualTo(first.get(DatabaseFilePartitioner.name(b)));
        // SHA-256("tenants/a.db") begins 61ba48ae469acfb4 (Python's hashlib): short enough for STEP_NAME
        assertThat(DatabaseFilePartitioner.name(a)).isEqualTo("database-61ba48ae469acfb4");
        assertThat(DatabaseFilePartitioner.name(a)).isNotEqualTo(DatabaseFilePartitioner.name(b));
    }
}
