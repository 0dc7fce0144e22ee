// the build failed in lint with Converge's own message, naming the file and the line
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Converge lint: 2 error(s) in ')
assert log.contains('002_own_transaction.sql:3: `COMMIT` would break the one-transaction-per-migration guarantee')
return true
