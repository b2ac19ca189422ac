import dev.keyaudit.maven.it.ItChecks

// The baseline accepts the existing finding: the build passes, and the finding is still in the
// SARIF log, marked as suppressed, so nothing is hidden from an auditor.
def log = new File(basedir, 'build.log').text
assert log.contains('1 baselined')
assert !log.contains('[ERROR] src/main/java/it/ExportSigner.java')
assert log.contains('BUILD SUCCESS')

def sarif = ItChecks.validSarif(basedir.toPath().resolve('target/keyaudit/keyaudit.sarif'))
ItChecks.assertSameFindings(ItChecks.expectations(basedir.toPath(), ''), ItChecks.results(sarif, false))
assert ItChecks.results(sarif, true).isEmpty()
return true
