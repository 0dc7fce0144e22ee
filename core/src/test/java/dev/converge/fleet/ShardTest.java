package dev.converge.fleet;

import dev.converge.error.ConvergeException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {
    @Test
    void everyDatabaseBelongsToExactlyOneShareAndTheSharesAreBalanced() {
        List<Path> fleet = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            fleet.add(Path.of("tenants/t" + i + ".db"));
        }
        Set<Path> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            List<Path> share = new Shard(i, 4).of(fleet);
            assertThat(share.size()).as("share %d of 4", i).isBetween(200, 300);
            for (Path p : share) {
                assertThat(seen.add(p)).as("%s in two shares", p).isTrue();
            }
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aShareIsFixedByThePathAsListedAlone() {
        // CRC32("tenants/acme.db") = 0x5e12f786 (Python's zlib.crc32): 6 mod 7, 2 mod 4, whatever else is listed
        Path p = Path.of("tenants/acme.db");
        assertThat(new Shard(6, 7).owns(p)).isTrue();
        assertThat(new Shard(2, 4).of(List.of(Path.of("other.db"), p, Path.of("x/y.db")))).contains(p);
        assertThat(new Shard(5, 7).owns(p)).isFalse();
        // a Windows separator is read as '/', so a list written on Windows shards the same
        assertThat(new Shard(6, 7).owns(Path.of("tenants\\acme.db"))).isTrue();
    }

    @Test
    void parsesIndexAndCountOrTakesTheIndexFromTheJob() {
        assertThat(Shard.parse("2/5", null)).isEqualTo(new Shard(2, 5));
        assertThat(Shard.parse("2/5", "4")).isEqualTo(new Shard(2, 5));
        assertThat(Shard.parse("5", "3")).isEqualTo(new Shard(3, 5));
        assertThat(Shard.parse("/5", "0")).isEqualTo(new Shard(0, 5));
        assertThatThrownBy(() -> Shard.parse("5", null)).isInstanceOf(ConvergeException.class)
                .hasMessageContaining("JOB_COMPLETION_INDEX");
        assertThatThrownBy(() -> Shard.parse("5/5", null)).hasMessageContaining("0 <= INDEX < COUNT, not 5/5");
        assertThatThrownBy(() -> Shard.parse("a/b", null)).hasMessageContaining("not a/b");
    }
}
