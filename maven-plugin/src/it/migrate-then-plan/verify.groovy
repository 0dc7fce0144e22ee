// migrate created the database and said each migration and the summary in Maven's log; plan then found nothing to do
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] migrating 1/2: 001_notes.sql (ABSENT')
assert log.contains('[INFO] migrating 2/2: 002_notes_created.sql (ABSENT')
assert log =~ /\[INFO\] converged: 2 step\(s\) committed in \d+ ms/
assert log =~ /\[INFO\] 1  001_notes.sql  APPLIED: NOTHING/
assert log.contains('[INFO] Converge plan: up to date, nothing to do')
def db = new File(basedir, 'target/app.db')
assert db.isFile() && db.length() > 0
// the history table has the configured name: SQLite keeps the CREATE text in the file
assert new String(db.bytes, 'ISO-8859-1').contains('app_history')
return true
