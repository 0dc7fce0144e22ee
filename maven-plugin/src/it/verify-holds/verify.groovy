// lint ran in validate, verify in verify (its default phase), and every state of the set held
def log = new File(basedir, 'build.log').text
assert log.contains('Converge lint: ') && log.contains(' is clean')
assert log =~ /Converge: verifying \d+ database states of /
assert log =~ /Converge verify: \d+ states: \d+ converged, \d+ refused, 0 failed\. Every guarantee holds\./
assert log.contains('BUILD SUCCESS')
// the states were built under target/ and removed
assert !new File(basedir, 'target/converge-verify').exists()
return true
