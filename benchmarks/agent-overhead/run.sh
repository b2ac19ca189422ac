#!/usr/bin/env bash
# Runs the agent overhead benchmarks: JMH for AES-256, EC P-256, RSA-2048 and SecureRandom.nextBytes
# in three configurations (no agent, agent emitting nothing, full events), plus start-up time.
# Usage: benchmarks/agent-overhead/run.sh [JAVA_HOME] [OUTDIR]
# Needs the agent jar: mvn -B -q -pl java-agent -am package -DskipTests (from the repository root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
java_home="${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
out="${2:-$here/target/results}"
java="$java_home/bin/java"
jdk="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')"
mkdir -p "$out"
# a private copy: rebuilding the agent during a run must not change what is measured
agent="$out/keyaudit-agent.jar"
cp "$(ls "$root"/java-agent/target/keyaudit-agent-*.jar | grep -v original | head -1)" "$agent"
(cd "$here" && JAVA_HOME="$java_home" mvn -B -q package)
bench="$here/target/benchmarks.jar"

declare -A configs=(
  [none]=""
  [silent]="-javaagent:$agent=log=none,policy=none"
  [events]="-javaagent:$agent=log=$out/events-$jdk.jsonl"
)
for name in none silent events; do
  rm -f "$out/events-$jdk.jsonl"
  args=()
  if [[ -n "${configs[$name]}" ]]; then args=(-jvmArgsAppend "${configs[$name]}"); fi
  "$java" -jar "$bench" KeyGenerationBenchmark -prof gc -rf json -rff "$out/jmh-$jdk-$name.json" \
    "${args[@]}" | tee "$out/jmh-$jdk-$name.txt" | grep -E "^KeyGeneration|gc.alloc.rate.norm " || true
done

# start-up: median wall time of 11 runs of a JVM that generates one AES key
startup() {
  local times=()
  for i in $(seq 1 11); do
    local t0 t1
    t0=$(date +%s%N)
    "$java" "$@" -cp "$bench" dev.keyaudit.benchmarks.agent.StartupProbe 2>/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 6p
}
base=$(startup)
silent=$(startup "-javaagent:$agent=log=none,policy=none")
full=$(startup "-javaagent:$agent=log=$out/startup-$jdk.jsonl")
echo "startup-ms jdk=$jdk none=$base silent=$silent events=$full added_silent=$((silent - base)) added_events=$((full - base))" | tee "$out/startup-$jdk.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)" | tee -a "$out/startup-$jdk.txt"
