import dev.keyaudit.maven.it.ItChecks

// One SARIF log for the reactor: one run per module, each with its own category, paths relative to
// the reactor root; the modules' scans in the verify phase are reused by the aggregate.
def root = basedir.toPath()
def log = new File(basedir, 'build.log').text
assert log.contains('KeyAudit [module-a]: 1 finding')
assert log.contains('KeyAudit [module-b]: 0 findings')
assert log.contains('reused its cached results')
assert log.contains('BUILD SUCCESS')

def sarif = ItChecks.validSarif(root.resolve('target/keyaudit/keyaudit-aggregate.sarif'))
assert ItChecks.categories(sarif) == ['keyaudit/module-a/', 'keyaudit/module-b/']
ItChecks.assertSameFindings(ItChecks.expectations(root, ''), ItChecks.results(sarif, false))

// each module also has its own report
ItChecks.validSarif(root.resolve('module-a/target/keyaudit/keyaudit.sarif'))
ItChecks.validSarif(root.resolve('module-b/target/keyaudit/keyaudit.sarif'))
return true
