package dev.converge.arch.bad.detect;

/** Fixture, breaks the JDBC rule: only Reference itself (and its nested classes) may use JDBC in detect. */
public class ReferenceCache {
    javax.sql.DataSource dataSource;
}
