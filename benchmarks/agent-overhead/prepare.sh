# Sourced by run.sh and interleaved.sh after they set java_home and out: resolves the JDK's
# version, copies the agent jar (a private copy: rebuilding the agent during a run must not change
# what is measured; AGENT_JAR=path takes an older build) and builds the JMH jar.
# Sets: here, root, java, jdk, agent, bench.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
java="$java_home/bin/java"
jdk="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')"
mkdir -p "$out"
agent="$out/keyaudit-agent.jar"
cp "${AGENT_JAR:-$(ls "$root"/java-agent/target/keyaudit-agent-*.jar | grep -v original | head -1)}" "$agent"
(cd "$here" && JAVA_HOME="$java_home" mvn -B -q -o package)
bench="$here/target/benchmarks.jar"
