import dev.keyaudit.maven.it.ItChecks

// A module with no Java code: the manifest frontend reads application.yml, the committed keystore
// password default (KA402) and data key (KA403) fail the build, and the findings are exactly the
// "# expect:" markers.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/resources/application.yml:6: [KA402] ')
assert log.contains('[ERROR] src/main/resources/application.yml:9: [KA403] ')
assert log.contains('BUILD FAILURE')
assert !log.contains('Sprin9-Def4ult-Pass') // secrets are never printed in full

def sarif = ItChecks.validSarif(basedir.toPath().resolve('target/keyaudit/keyaudit.sarif'))
def expected = ItChecks.expectations(basedir.toPath(), '')
assert expected.size() == 2
ItChecks.assertSameFindings(expected, ItChecks.results(sarif, false))
assert !new File(basedir, 'target/keyaudit/keyaudit.sarif').text.contains('Sprin9-Def4ult-Pass')
return true
