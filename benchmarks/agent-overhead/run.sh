#!/usr/bin/env bash
# Runs the agent overhead benchmarks: JMH for AES-256, EC P-256, RSA-2048 and SecureRandom.nextBytes
# in three configurations (no agent, agent emitting nothing, full events), plus start-up time.
# Also CPU time per key and per start-up (far less disturbed than wall time when other processes
# share the cores). Usage: benchmarks/agent-overhead/run.sh [JAVA_HOME] [OUTDIR]
# Needs the agent jar: mvn -B -q -pl java-agent -am package -DskipTests (from the repository root),
# or AGENT_JAR=path (an older build, for before/after); SKIP_JMH=1 runs only the CPU and start-up
# parts.
set -euo pipefail
java_home="${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
out="${2:-$(cd "$(dirname "$0")" && pwd)/target/results}"
# shellcheck source=prepare.sh
source "$(dirname "$0")/prepare.sh"

declare -A configs=(
  [none]=""
  [silent]="-javaagent:$agent=log=none,policy=none"
  [events]="-javaagent:$agent=log=$out/events-$jdk.jsonl"
)
benches=(ecP256GenerateKeyPair rsa2048GenerateKeyPair secureRandomNextBytes32 aes256GenerateKey)
for name in none silent events; do
  [[ -n "${SKIP_JMH:-}" ]] && break
  : > "$out/jmh-$jdk-$name.txt"
  for b in "${benches[@]}"; do
    # one JVM and a fresh log per benchmark: the AES flood writes gigabytes, and neither their
    # write-back nor reopening that log may land in the next benchmark's measurement
    rm -f "$out/events-$jdk.jsonl"
    sync
    sleep 2
    args=()
    if [[ -n "${configs[$name]}" ]]; then args=(-jvmArgsAppend "${configs[$name]}"); fi
    "$java" -jar "$bench" "KeyGenerationBenchmark.$b\$" -prof gc -rf json \
      -rff "$out/jmh-$jdk-$name-$b.json" "${args[@]}" 2>/dev/null | tee -a "$out/jmh-$jdk-$name.txt" \
      | grep -E "^KeyGeneration|gc.alloc.rate.norm " || true
  done
  parts=()
  for b in "${benches[@]}"; do parts+=("$out/jmh-$jdk-$name-$b.json"); done
  python3 -c 'import json, sys; print(json.dumps(sum((json.load(open(f)) for f in sys.argv[1:]), [])))' \
    "${parts[@]}" > "$out/jmh-$jdk-$name.json"
done

# CPU time per key: the generating thread and the whole process (writer thread included)
: > "$out/cpu-$jdk.txt"
for op in "aes 300000 300000" "ec 200000 100000"; do
  for name in none silent events; do
    rm -f "$out/cpu-events-$jdk.jsonl"
    args=()
    case $name in
      silent) args=("-javaagent:$agent=log=none,policy=none") ;;
      events) args=("-javaagent:$agent=log=$out/cpu-events-$jdk.jsonl") ;;
    esac
    echo "config=$name $("$java" "${args[@]}" -cp "$bench" dev.keyaudit.benchmarks.agent.CpuPerKey $op 2>/dev/null)" \
      | tee -a "$out/cpu-$jdk.txt"
  done
done

# start-up: 11 runs of a JVM that generates one AES key, the three configurations interleaved (the
# load of a shared machine drifts); median wall time and median CPU time (user + system)
declare -A walls cpus
for i in $(seq 1 11); do
  for name in none silent events; do
    args=()
    case $name in
      silent) args=("-javaagent:$agent=log=none,policy=none") ;;
      events) args=("-javaagent:$agent=log=$out/startup-$jdk.jsonl") ;;
    esac
    /usr/bin/time -f "%e %U %S" -o "$out/time.txt" \
      "$java" "${args[@]}" -cp "$bench" dev.keyaudit.benchmarks.agent.StartupProbe 2>/dev/null
    read -r wall user sys < "$out/time.txt"
    walls[$name]+="$(awk -v w="$wall" 'BEGIN{printf "%d", w*1000}') "
    cpus[$name]+="$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%d", (u+s)*1000}') "
  done
done
median() { printf '%s\n' $1 | sort -n | sed -n 6p; }
base=$(median "${walls[none]}"); silent=$(median "${walls[silent]}"); full=$(median "${walls[events]}")
cbase=$(median "${cpus[none]}"); csilent=$(median "${cpus[silent]}"); cfull=$(median "${cpus[events]}")
{
  echo "startup-ms jdk=$jdk none=$base silent=$silent events=$full added_silent=$((silent - base)) added_events=$((full - base))"
  echo "startup-cpu-ms jdk=$jdk none=$cbase silent=$csilent events=$cfull added_silent=$((csilent - cbase)) added_events=$((cfull - cbase))"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
} | tee "$out/startup-$jdk.txt"
