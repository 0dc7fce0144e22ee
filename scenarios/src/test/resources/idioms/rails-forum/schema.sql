CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar DEFAULT '' NOT NULL, "sign_in_count" integer DEFAULT 0 NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "username" varchar, "role" varchar DEFAULT 'member' NOT NULL, "display_name" varchar COLLATE "NOCASE");
CREATE UNIQUE INDEX "index_users_on_username" ON "users" ("username");
CREATE TABLE "categories" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "position" integer DEFAULT 0 NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL);
CREATE UNIQUE INDEX "index_categories_on_name" ON "categories" ("name");
CREATE TABLE "topics" ("id" integer NOT NULL PRIMARY KEY, "subject" varchar NOT NULL, "user_id" integer DEFAULT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "category_id" integer DEFAULT 1 NOT NULL, "posts_count" integer DEFAULT 0 NOT NULL);
CREATE INDEX "index_topics_on_user_id" ON "topics" ("user_id");
CREATE INDEX "index_topics_on_category_id" ON "topics" ("category_id");
CREATE TABLE "taggings" ("post_id" integer NOT NULL, "tag_id" integer NOT NULL);
CREATE UNIQUE INDEX "index_taggings_on_post_id_and_tag_id" ON "taggings" ("post_id", "tag_id");
CREATE TABLE "profiles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "bio" text DEFAULT '' NOT NULL, "website" varchar, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, CONSTRAINT "fk_rails_e424190865"
FOREIGN KEY ("user_id")
  REFERENCES "users" ("id")
);
CREATE UNIQUE INDEX "index_profiles_on_user_id" ON "profiles" ("user_id");
CREATE INDEX "index_users_on_role" ON "users" ("role");
CREATE TABLE "posts" ("id" integer NOT NULL PRIMARY KEY, "body" text DEFAULT '' NOT NULL, "topic_id" integer DEFAULT NULL, "user_id" integer DEFAULT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "deleted_at" datetime DEFAULT NULL);
CREATE INDEX "index_posts_on_topic_id" ON "posts" ("topic_id");
CREATE INDEX "index_posts_on_user_id" ON "posts" ("user_id");
CREATE INDEX "index_posts_on_topic_id_live" ON "posts" ("topic_id") WHERE deleted_at IS NULL;
CREATE TABLE "tags" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "slug" varchar NOT NULL, "taggings_count" integer DEFAULT 0 NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL);
CREATE UNIQUE INDEX "index_tags_on_name" ON "tags" ("name");
CREATE UNIQUE INDEX "index_tags_on_slug" ON "tags" ("slug");
CREATE UNIQUE INDEX "index_users_on_lower_email" ON "users" (lower(email));
CREATE TABLE "notifications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recipient_id" integer NOT NULL, "kind" varchar NOT NULL, "params" json DEFAULT '{}' NOT NULL, "read_at" datetime, "created_at" datetime DEFAULT (CURRENT_TIMESTAMP) NOT NULL, CONSTRAINT "fk_rails_4aea6afa11"
FOREIGN KEY ("recipient_id")
  REFERENCES "users" ("id")
);
CREATE INDEX "index_notifications_on_recipient_id" ON "notifications" ("recipient_id");
CREATE INDEX "index_notifications_unread" ON "notifications" ("recipient_id", "created_at") WHERE read_at IS NULL;
CREATE INDEX "index_users_on_display_name" ON "users" ("display_name");
CREATE INDEX "index_topics_on_subject_prefix" ON "topics" ("subject");
