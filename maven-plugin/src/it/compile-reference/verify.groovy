// the compiled reference is in the classes, named by the migrations' checksum chain, and starts with its magic number
def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] Converge: compiled reference .*META-INF.converge.reference-[0-9a-f]{64}\.bin/
def dir = new File(basedir, 'target/classes/META-INF/converge')
def files = dir.listFiles().findAll { it.name ==~ /reference-[0-9a-f]{64}\.bin/ }
assert files.size() == 1
def bytes = files[0].bytes
assert bytes.length > 40
assert bytes[0] == 0x43 && bytes[1] == 0x56 && bytes[2] == 0x52 && bytes[3] == 0x46
// no temporary file left behind
assert dir.listFiles().length == 1
return true
