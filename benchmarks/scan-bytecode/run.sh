#!/usr/bin/env bash
# Bytecode scan benchmark: KeyAudit's bytecode frontend vs the physical floor (unzip + ClassReader)
# vs SpotBugs + FindSecBugs, on the same jars. Usage:
#   benchmarks/scan-bytecode/run.sh [JARS] [SPOTBUGS_JARS]
# JARS: how many jars of the local Maven repository to scan (default: all); SPOTBUGS_JARS: how many
# of them SpotBugs analyses (default 40; it is orders of magnitude slower). Jars are taken in sorted
# path order, so a given count is a fixed set. Needs scanner-core compiled (mvn -pl rules,scanner-core
# -am test-compile) and, for SpotBugs, Maven Central (resolved once into ~/.m2).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
jars_n="${1:-0}"
spotbugs_n="${2:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

find "$repo" -name '*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' | sort > "$work/all.txt"
if [[ "$jars_n" -gt 0 ]]; then head -n "$jars_n" "$work/all.txt" > "$work/jars.txt"; else cp "$work/all.txt" "$work/jars.txt"; fi
head -n "$spotbugs_n" "$work/jars.txt" > "$work/spotbugs.txt"

(cd "$root" && mvn -B -q -o -pl scanner-core dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime > /dev/null)
cp="$root/scanner-core/target/classes:$root/rules/target/classes:$(cat "$work/cp.txt")"
javac -d "$work/bench" -cp "$cp" "$here/BytecodeBench.java"

run() { # label, jar list, command...
  local label="$1"; shift
  /usr/bin/time -f "$label peak RSS %M KB, wall %e s" "$@" 2>&1 | grep -v '^$' || true
}
echo "== $(wc -l < "$work/jars.txt") jars from $repo; JDK: $(java -version 2>&1 | head -1); $(nproc) cores"
run floor java -Xmx1g -cp "$work/bench:$cp" BytecodeBench floor "$work/jars.txt"
run keyaudit java -Xmx1g -cp "$work/bench:$cp" BytecodeBench keyaudit "$work/jars.txt"

echo "== same $(wc -l < "$work/spotbugs.txt") jars for all three tools"
run floor java -Xmx1g -cp "$work/bench:$cp" BytecodeBench floor "$work/spotbugs.txt"
run keyaudit java -Xmx1g -cp "$work/bench:$cp" BytecodeBench keyaudit "$work/spotbugs.txt"
mvn -B -q -f "$here/spotbugs-pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/sbcp.txt" > /dev/null
sbcp=$(cat "$work/sbcp.txt")
fsb=$(tr ':' '\n' <<< "$sbcp" | grep findsecbugs-plugin)
start=$(date +%s.%N)
run spotbugs+findsecbugs java -Xmx1g -cp "$sbcp" edu.umd.cs.findbugs.FindBugs2 -quiet \
  -pluginList "$fsb" -effort:min -output "$work/spotbugs.out" $(cat "$work/spotbugs.txt")
echo "spotbugs+findsecbugs: $(( $(wc -l < "$work/spotbugs.out") )) warnings, $(echo "$(date +%s.%N) - $start" | bc) s"
