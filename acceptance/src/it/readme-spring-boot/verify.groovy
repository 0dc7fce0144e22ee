// the application started against a SQLite file the starter migrated, and Converge's log was the application's log
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed')
assert log =~ /INFO .* dev\.converge\.RunLog +: migrating 3\/3: 003_first_note\.sql/
assert new File(basedir, 'target/notes.db').isFile()
return true
