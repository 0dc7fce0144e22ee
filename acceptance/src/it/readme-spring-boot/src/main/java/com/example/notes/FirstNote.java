package com.example.notes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a migrated table while the application starts: the starter must have migrated before. */
@Component
public class FirstNote {
    private final String body;

    public FirstNote(JdbcTemplate jdbc) {
        this.body = jdbc.queryForObject("SELECT body FROM notes ORDER BY id LIMIT 1", String.class);
    }

    public String body() {
        return body;
    }
}
