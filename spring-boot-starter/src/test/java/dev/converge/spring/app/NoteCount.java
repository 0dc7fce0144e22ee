package dev.converge.spring.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a table the migrations create, as soon as the bean is made: if the JdbcTemplate were handed out before
 * Converge migrated, this would fail with "no such table".
 */
@Component
public class NoteCount {
    private final long atStartup;

    public NoteCount(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM notes", Long.class);
        this.atStartup = n == null ? -1 : n;
    }

    public long atStartup() {
        return atStartup;
    }
}
