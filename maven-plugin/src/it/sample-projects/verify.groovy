import dev.keyaudit.maven.it.ItChecks

// Each sample's active findings are its "// expect: KAnnn" markers, both ways: the vulnerable
// service's mistakes are all found (under its own keyaudit-policy.yaml, which the plugin picks up
// as the CLI does; its waived DES line is not active), and the compliant service has none.
// Compared per file and rule, not per line: the sample marks a multi-line text-block constant on
// its declaration line while the scanner reports the text block's first line, which is the source
// frontend's concern (see the plugin report), not the plugin's.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('policy acme-payments')

for (sample in ['vulnerable-service', 'compliant-service']) {
  def project = basedir.toPath().resolve(sample)
  def sarif = ItChecks.validSarif(project.resolve('target/keyaudit/keyaudit.sarif'))
  def expected = ItChecks.withoutLines(ItChecks.expectations(project, sample + '/'))
  ItChecks.assertSameFindings(expected, ItChecks.withoutLines(ItChecks.results(sarif, true)))
}
assert !ItChecks.expectations(basedir.toPath().resolve('vulnerable-service'), '').isEmpty()
return true
