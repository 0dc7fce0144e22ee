// the README's main ran, and the JUnit entry point ran one dynamic test per database state, all passing
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') // MigrateAtStartupTest
def m = log =~ /Tests run: (\d+), Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in MigrationsTest/
assert m.find() : 'MigrationsTest did not run'
assert (m.group(1) as int) >= 10 : 'too few database states: ' + m.group(1)
assert new File(basedir, 'app.db').isFile()
return true
