import dev.keyaudit.maven.it.ItChecks

// A compliant key passes; SARIF (with no results) plus the requested text and JSON reports exist.
def log = new File(basedir, 'build.log').text
assert log.contains('KeyAudit: 0 findings')
assert log.contains('BUILD SUCCESS')

def sarif = ItChecks.validSarif(basedir.toPath().resolve('target/keyaudit/keyaudit.sarif'))
assert ItChecks.results(sarif, false).isEmpty()
assert new File(basedir, 'target/keyaudit/keyaudit.txt').isFile()
assert new File(basedir, 'target/keyaudit/keyaudit.json').isFile()
return true
