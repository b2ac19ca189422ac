#!/usr/bin/env bash
# EC P-256 agent overhead measured inside one JVM (PairedEcBenchmark): 200 ms iterations
# alternate between the instrumented JCA call and the provider's uninstrumented SPI, so each
# comparison shares the JIT state and the host's load of the same second. Rounds run the
# configurations none (the control: both paths must come out equal), silent and events in turn.
# Usage: benchmarks/agent-overhead/paired.sh [JAVA_HOME] [OUTDIR] [ROUNDS]
# Needs the agent jar (mvn -B -q -pl java-agent -am package -DskipTests) or AGENT_JAR=path.
set -euo pipefail
java_home="${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
out="${2:-$(cd "$(dirname "$0")" && pwd)/target/paired}"
rounds="${3:-3}"
# shellcheck source=prepare.sh
source "$(dirname "$0")/prepare.sh"
for round in $(seq 1 "$rounds"); do
  for name in none silent events; do
    jmh_config "$name" "$out/events.jsonl"
    "$java" -jar "$bench" 'PairedEcBenchmark.ecP256Alternating$' -rf json \
      -rff "$out/paired-$jdk-$name-$round.json" "${jmh_args[@]}" >/dev/null 2>&1
  done
  echo "round $round done (load $(cut -d' ' -f1-3 /proc/loadavg))"
done
rm -f "$out/events.jsonl"
python3 "$here/paired_summary.py" "$out" "$jdk"
