package com.example.notes;

import dev.converge.apply.RunResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class NotesApplicationTest {
    @Autowired
    FirstNote firstNote;

    @Autowired
    RunResult converge;

    @Test
    void theDatabaseWasMigratedBeforeTheApplicationReadIt() {
        assertThat(firstNote.body()).isEqualTo("hello from migration 3");
        assertThat(converge.done()).isNotEmpty();
    }
}
