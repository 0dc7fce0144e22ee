package dev.converge.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A real Spring Boot application, as a user writes one: a DataSource from properties and beans that read it. */
@SpringBootApplication
public class NotesApplication {
}
