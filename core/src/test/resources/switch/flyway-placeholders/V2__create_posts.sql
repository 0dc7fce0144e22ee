-- made for ${flyway:filename} in ${flyway:defaultSchema}
CREATE TABLE ${prefix}posts (id INTEGER PRIMARY KEY);
