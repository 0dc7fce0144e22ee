CREATE TABLE ${prefix}users (id INTEGER PRIMARY KEY, email TEXT NOT NULL DEFAULT '${default_email}');
