import com.fasterxml.jackson.databind.ObjectMapper
import dev.keyaudit.scanner.runtime.EventLogVerifier

// The build failed because the agent, in enforce mode, refused the RSA-1024 generation in the
// test; the AES-256 key was allowed. The log, at a path with spaces, records both decisions.
def buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('Tests run: 2, Failures: 0, Errors: 1')
assert buildLog =~ /weakKeyPairIsRefused.*KeyAudit agent \(mode=enforce, policy nist-800-131a\) blocked key generation RSA 1024 bits/

def log = new File(basedir, 'target/key audit/agent events.jsonl')
assert log.isFile() : "no agent log at ${log}"
def json = new ObjectMapper()
def events = log.readLines().findAll { it.trim() }.collect { json.readTree(it) }
def aes = events.find { it.path('crypto.algorithm').asText() == 'AES' && it.path('event.action').asText() == 'key-generation' }
assert aes != null && aes.path('crypto.key.size').asInt() == 256 && aes.path('keyaudit.decision').asText() == 'allow' : events
def denied = events.find { it.path('crypto.algorithm').asText() == 'RSA' && it.path('keyaudit.decision').asText() == 'deny' }
assert denied != null : events
assert denied.path('crypto.key.size').asInt() == 1024 : denied
assert denied.path('keyaudit.rule').asText() == 'KA102' : denied

def result = new EventLogVerifier().verify(log.toPath())
assert result.intact() : "hash chain broken at line ${result.firstBrokenLine()}: ${result.problem()}"
return true
