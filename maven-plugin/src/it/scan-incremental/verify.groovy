import dev.keyaudit.maven.it.ItChecks

// The second build of the unchanged module reuses the first build's result, says so, and its
// report holds the same findings.
def log = new File(basedir, 'build.log').text
assert log.contains('KeyAudit: inputs unchanged since the last scan; reused its cached results.')
assert new File(basedir, 'target/keyaudit/scan-cache.json').isFile()
// ...and leaves the reports the first build wrote from that same result as they are.
assert log.contains('KeyAudit: up to date: ')

def sarif = ItChecks.validSarif(basedir.toPath().resolve('target/keyaudit/keyaudit.sarif'))
ItChecks.assertSameFindings(ItChecks.expectations(basedir.toPath(), ''), ItChecks.results(sarif, false))
return true
