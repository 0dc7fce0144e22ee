-- 20200901090000: drop_table :legacy_tags, once the release had been out for a while
DROP TABLE "legacy_tags";
