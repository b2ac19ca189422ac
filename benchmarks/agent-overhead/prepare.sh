# Sourced by run.sh and interleaved.sh after they set java_home and out: resolves the JDK's
# version, copies the agent jar (a private copy: rebuilding the agent during a run must not change
# what is measured; AGENT_JAR=path takes an older build) and builds the JMH jar.
# Sets: here, root, java, jdk, agent, bench; defines jmh_config.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
java="$java_home/bin/java"
jdk="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')"
mkdir -p "$out"
agent="$out/keyaudit-agent.jar"
cp "${AGENT_JAR:-$(ls "$root"/java-agent/target/keyaudit-agent-*.jar | grep -v original | head -1)}" "$agent"
(cd "$here" && JAVA_HOME="$java_home" mvn -B -q -o package)
bench="$here/target/benchmarks.jar"

# jmh_config NAME LOG: deletes LOG, lets the disk settle (a previous run's log may be gigabytes being
# written back) and sets the array jmh_args to the JMH options of configuration NAME: none, silent
# (the agent emitting nothing) or events (full events into LOG).
jmh_config() {
  rm -f "$2"
  sync
  sleep 2
  jmh_args=()
  case $1 in
    silent) jmh_args=(-jvmArgsAppend "-javaagent:$agent=log=none,policy=none") ;;
    events) jmh_args=(-jvmArgsAppend "-javaagent:$agent=log=$2") ;;
  esac
}
