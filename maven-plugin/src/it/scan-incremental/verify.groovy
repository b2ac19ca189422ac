import dev.keyaudit.maven.it.ItChecks

// The second build of the unchanged module reuses the first build's result, says so, and writes
// the same findings.
def log = new File(basedir, 'build.log').text
assert log.contains('KeyAudit: inputs unchanged since the last scan; reused its cached results.')
assert new File(basedir, 'target/keyaudit/scan-cache.json').isFile()

def sarif = ItChecks.validSarif(basedir.toPath().resolve('target/keyaudit/keyaudit.sarif'))
ItChecks.assertSameFindings(ItChecks.expectations(basedir.toPath(), ''), ItChecks.results(sarif, false))
return true
