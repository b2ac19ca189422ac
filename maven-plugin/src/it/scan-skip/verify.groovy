// keyaudit.skip=true: the goal runs but scans nothing and writes nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping KeyAudit because property keyaudit.skip is set.')
assert !log.contains('[KA102]')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/keyaudit').exists()
return true
