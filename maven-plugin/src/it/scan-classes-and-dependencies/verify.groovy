import dev.keyaudit.maven.it.ItChecks

// The app's own findings: one per marker, on the source line, although target/classes and
// target/test-classes were scanned too (the bytecode frontend leaves classes with scanned
// sources to the source frontend).
def app = new File(basedir, 'app')
def sarif = ItChecks.validSarif(app.toPath().resolve('target/keyaudit/keyaudit.sarif'))
def results = ItChecks.results(sarif, false)
def own = results.findAll { !it.contains('.jar') }
ItChecks.assertSameFindings(ItChecks.expectations(app.toPath(), 'app/'), own)

// The compiled classes were read: the bytecode frontend saw files.
def log = new File(basedir, 'build.log').text
assert log =~ /KeyAudit: .* files? scanned/

// The dependency jar (the reactor sibling lib, packaged before app) was scanned as bytecode.
def fromJar = results.findAll { it.contains('lib-1.0.jar') }
assert fromJar.size() == 1 : "expected one finding in lib-1.0.jar, got ${results}"
assert fromJar[0].contains('LegacyKeys') && fromJar[0].endsWith(':KA102') : fromJar
return true
