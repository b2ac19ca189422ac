import dev.keyaudit.maven.it.ItChecks

// Each sample's active findings are exactly its "expect: KAnnn" markers (Java, YAML, scripts,
// Dockerfile), line by line and both ways: the vulnerable service's mistakes are all found (under
// its own keyaudit-policy.yaml, which the plugin picks up as the CLI does; its waived DES line is
// not active), and the compliant service has none.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('policy acme-payments')

for (sample in ['vulnerable-service', 'compliant-service']) {
  def project = basedir.toPath().resolve(sample)
  def sarif = ItChecks.validSarif(project.resolve('target/keyaudit/keyaudit.sarif'))
  ItChecks.assertSameFindings(ItChecks.expectations(project, sample + '/'), ItChecks.results(sarif, true))
}
assert !ItChecks.expectations(basedir.toPath().resolve('vulnerable-service'), '').isEmpty()
return true
