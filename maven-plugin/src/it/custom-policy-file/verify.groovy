import dev.keyaudit.maven.it.ItChecks

// The project's policy file (4096-bit RSA) judges the 3072-bit key that the default policy accepts.
def log = new File(basedir, 'build.log').text
assert log.contains('policy acme-crypto') && log.contains('target JDK 17')
assert log.contains('[ERROR] src/main/java/it/ExportSigner.java:11: [KA102] ')
assert log.contains('BUILD FAILURE')

def sarif = ItChecks.validSarif(basedir.toPath().resolve('target/keyaudit/keyaudit.sarif'))
ItChecks.assertSameFindings(ItChecks.expectations(basedir.toPath(), ''), ItChecks.results(sarif, false))
assert sarif.path('runs').path(0).path('results').path(0).path('properties').path('policy').asText() == 'acme-crypto'
return true
