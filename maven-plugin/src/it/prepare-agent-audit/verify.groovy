import com.fasterxml.jackson.databind.ObjectMapper
import dev.keyaudit.scanner.runtime.EventLogVerifier

// The tests ran under the agent: its log holds both keys with their sizes, judged by the default
// policy in audit mode (the weak pair is a violation, not a failure), and the chain verifies.
def log = new File(basedir, 'target/keyaudit/agent-events.jsonl')
assert log.isFile() : "no agent log at ${log}"

def json = new ObjectMapper()
def events = log.readLines().findAll { it.trim() }.collect { json.readTree(it) }
def keys = events.findAll { it.path('event.action').asText() == 'key-generation' }
def rsa = keys.find { it.path('crypto.algorithm').asText() == 'RSA' }
def aes = keys.find { it.path('crypto.algorithm').asText() == 'AES' }
assert rsa != null && rsa.path('crypto.key.size').asInt() == 1024 : keys
assert aes != null && aes.path('crypto.key.size').asInt() == 256 : keys
assert rsa.path('keyaudit.decision').asText() == 'violation' : rsa
assert rsa.path('keyaudit.rule').asText() == 'KA102' : rsa
assert aes.path('keyaudit.decision').asText() == 'allow' : aes
assert rsa.path('deployment.environment.name').asText() == 'test' : rsa
assert rsa.path('service.name').asText() == 'prepare-agent-audit' : rsa
assert rsa.path('code.function.name').asText() == 'it.KeysTest.generatesAWeakKeyPairAndAStrongKey' : rsa

def result = new EventLogVerifier().verify(log.toPath())
assert result.intact() : "hash chain broken at line ${result.firstBrokenLine()}: ${result.problem()}"
assert result.lines() == events.size()

// The project's own argLine was kept behind the agent's arguments.
def buildLog = new File(basedir, 'build.log').text
assert buildLog =~ /KeyAudit: argLine set to -javaagent:\S+keyaudit-agent-[^ ]+\.jar=log=\S+agent-events\.jsonl,mode=audit,environment=test,service=prepare-agent-audit -Dkeyaudit\.it\.existing=kept/
assert buildLog.contains('Tests run: 2, Failures: 0, Errors: 0')
return true
