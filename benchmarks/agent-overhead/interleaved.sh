#!/usr/bin/env bash
# Interleaved JMH rounds for the per-event targets (AES-256 generateKey, EC P-256 generateKeyPair):
# each round runs no agent, the agent emitting nothing and the agent with full events one after the
# other, so a shared host's slow minutes hit all three alike; the summary takes medians per
# configuration. Usage: benchmarks/agent-overhead/interleaved.sh [JAVA_HOME] [OUTDIR] [ROUNDS]
# Needs the agent jar (mvn -B -q -pl java-agent -am package -DskipTests) or AGENT_JAR=path.
set -euo pipefail
java_home="${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
out="${2:-$(cd "$(dirname "$0")" && pwd)/target/interleaved}"
rounds="${3:-6}"
# shellcheck source=prepare.sh
source "$(dirname "$0")/prepare.sh"
for round in $(seq 1 "$rounds"); do
  for name in none silent events; do
    for b in ecP256GenerateKeyPair aes256GenerateKey; do
      # a fresh log and JVM per benchmark, EC first and the disk settled: the AES flood writes
      # gigabytes, which must not weigh on the next measurement
      rm -f "$out/events.jsonl"
      sync
      sleep 2
      args=()
      case $name in
        silent) args=(-jvmArgsAppend "-javaagent:$agent=log=none,policy=none") ;;
        events) args=(-jvmArgsAppend "-javaagent:$agent=log=$out/events.jsonl") ;;
      esac
      "$java" -jar "$bench" "KeyGenerationBenchmark.$b\$" -rf json \
        -rff "$out/jmh-$jdk-$name-$round-$b.json" "${args[@]}" >/dev/null 2>&1
    done
  done
  echo "round $round done (load $(cut -d' ' -f1-3 /proc/loadavg))"
done
python3 - "$out" "$jdk" <<'EOF'
import json, glob, statistics, sys
out, jdk = sys.argv[1], sys.argv[2]
scores = {}
for f in glob.glob(f"{out}/jmh-{jdk}-*-*.json"):
    config = f.rsplit("/", 1)[1].split("-")[2]
    for r in json.load(open(f)):
        bench = r["benchmark"].rsplit(".", 1)[1]
        scores.setdefault((bench, config), []).append(r["primaryMetric"]["score"])
for bench in ("aes256GenerateKey", "ecP256GenerateKeyPair"):
    unit = "ns" if bench.startswith("aes") else "us"
    med = {c: statistics.median(scores.get((bench, c), [float("nan")])) for c in ("none", "silent", "events")}
    runs = {c: " ".join(f"{v:.1f}" for v in sorted(scores.get((bench, c), []))) for c in med}
    print(f"jdk={jdk} {bench} median {unit}/op: none={med['none']:.1f} silent={med['silent']:.1f} "
          f"events={med['events']:.1f} added_events={med['events'] - med['none']:+.1f} "
          f"({(med['events'] / med['none'] - 1) * 100:+.1f} %)")
    for c in med:
        print(f"  {c}: {runs[c]}")
EOF
