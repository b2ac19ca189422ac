import dev.keyaudit.maven.it.ItChecks

// The vulnerable sample's findings are exactly its "// expect: KAnnn" markers, both ways.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def service = basedir.toPath().resolve('vulnerable-service')
def sarif = ItChecks.validSarif(service.resolve('target/keyaudit/keyaudit.sarif'))
def expected = ItChecks.expectations(service, 'vulnerable-service/')
assert !expected.isEmpty()
ItChecks.assertSameFindings(expected, ItChecks.results(sarif, false))
return true
