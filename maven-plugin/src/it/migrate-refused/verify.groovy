// the second migrate was refused: the build failed with Converge's checksum message, naming the migration and the fix
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('(migrate-edited) on project migrate-refused: Converge: refused before any change:')
assert log =~ /migration 1 \(.*001_notes.sql\) was applied with checksum [0-9a-f]{64} but the file now has checksum/
assert log.contains('Restore the file as it was applied')
return true
