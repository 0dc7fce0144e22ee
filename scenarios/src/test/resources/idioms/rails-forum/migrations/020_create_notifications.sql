-- 20210820140000_create_notifications.rb: t.json :params, t.references :recipient, foreign key, default expression
CREATE TABLE "notifications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recipient_id" integer NOT NULL, "kind" varchar NOT NULL, "params" json DEFAULT '{}' NOT NULL, "read_at" datetime, "created_at" datetime DEFAULT (CURRENT_TIMESTAMP) NOT NULL, CONSTRAINT "fk_rails_4aea6afa11"
FOREIGN KEY ("recipient_id")
  REFERENCES "users" ("id")
);
CREATE INDEX "index_notifications_on_recipient_id" ON "notifications" ("recipient_id");
CREATE INDEX "index_notifications_unread" ON "notifications" ("recipient_id", "created_at") WHERE read_at IS NULL;
