import dev.keyaudit.maven.it.ItChecks

// The default settings fail the build in the verify phase, print the finding as path:line, and
// still leave a valid SARIF log behind for code scanning.
def log = new File(basedir, 'build.log').text
assert log.contains('keyaudit-maven-plugin') && log.contains(':scan (default)')
assert log.contains('[ERROR] src/main/java/it/ExportSigner.java:11: [KA102] ')
assert log.contains('KeyAudit: 1 finding at or above failOn=error')
assert log.contains('BUILD FAILURE')

def sarif = ItChecks.validSarif(basedir.toPath().resolve('target/keyaudit/keyaudit.sarif'))
ItChecks.assertSameFindings(ItChecks.expectations(basedir.toPath(), ''), ItChecks.results(sarif, false))
assert ItChecks.categories(sarif) == ['keyaudit/scan-fails-on-weak-rsa/']
assert !new File(basedir, 'target/keyaudit/keyaudit.txt').exists() // only SARIF by default
return true
