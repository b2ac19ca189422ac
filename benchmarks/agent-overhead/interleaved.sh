#!/usr/bin/env bash
# Interleaved JMH rounds for the per-event targets (AES-256 generateKey, EC P-256 generateKeyPair):
# each round runs no agent, the agent emitting nothing and the agent with full events one after the
# other, so a shared host's slow minutes hit all three alike; the summary takes medians per
# configuration (interleaved_summary.py: medians of the runs and of every pooled iteration).
# Usage: benchmarks/agent-overhead/interleaved.sh [JAVA_HOME] [OUTDIR] [ROUNDS]
# BENCHES="ecP256GenerateKeyPair" limits the run to EC (no AES flood between the EC runs).
# Needs the agent jar (mvn -B -q -pl java-agent -am package -DskipTests) or AGENT_JAR=path.
set -euo pipefail
java_home="${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
out="${2:-$(cd "$(dirname "$0")" && pwd)/target/interleaved}"
rounds="${3:-6}"
# shellcheck source=prepare.sh
source "$(dirname "$0")/prepare.sh"
for round in $(seq 1 "$rounds"); do
  for name in none silent events; do
    for b in ${BENCHES:-ecP256GenerateKeyPair aes256GenerateKey}; do
      # a fresh log and JVM per benchmark, EC first: the AES flood writes gigabytes, which must not
      # weigh on the next measurement
      jmh_config "$name" "$out/events.jsonl"
      "$java" -jar "$bench" "KeyGenerationBenchmark.$b\$" -rf json \
        -rff "$out/jmh-$jdk-$name-$round-$b.json" "${jmh_args[@]}" >/dev/null 2>&1
    done
  done
  echo "round $round done (load $(cut -d' ' -f1-3 /proc/loadavg))"
done
python3 "$here/interleaved_summary.py" "$out" "$jdk"
