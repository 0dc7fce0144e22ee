// the sources are the README's own snippets, as a newcomer copies them: the Java API into src/main/java, the JUnit
// entry point into src/test/java
def readme = new File(convergeRoot, 'README.md').getText('UTF-8')
def snippets = (readme =~ /(?s)```java\n(.*?)```/).collect { it[1] }.findAll { it.startsWith('import ') }
def main = snippets.find { it.contains('class MigrateAtStartup') }
def junit = snippets.find { it.contains('ConvergeVerification') }
assert main != null : 'README.md has no MigrateAtStartup snippet'
assert junit != null : 'README.md has no ConvergeVerification snippet'
new File(basedir, 'src/main/java').mkdirs()
new File(basedir, 'src/main/java/MigrateAtStartup.java').setText(main, 'UTF-8')
new File(basedir, 'src/test/java/MigrationsTest.java').setText(junit, 'UTF-8')
return true
