#!/usr/bin/env bash
# Source-scan benchmark: parse-only pass vs the full Java source frontend over a large corpus.
# Usage: benchmarks/scan-source/run.sh [corpus-dir] [threads]
# Default corpus: the sources jars of BouncyCastle (bcprov-jdk18on) and commons-lang3 from the
# local Maven repository (fetch with mvn dependency:get -Dartifact=G:A:V:jar:sources).
# Needs scanner-core compiled: mvn -B -o -pl rules,scanner-core -am compile
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
threads="${2:-2}"
corpus="${1:-}"
if [[ -z "$corpus" ]]; then
  corpus="$(mktemp -d)"
  trap 'rm -rf "$corpus"' EXIT
  for jar in \
    "$HOME/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.78.1/bcprov-jdk18on-1.78.1-sources.jar" \
    "$HOME/.m2/repository/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0-sources.jar"; do
    name="$(basename "$jar" .jar)"
    mkdir -p "$corpus/$name"
    (cd "$corpus/$name" && unzip -q -o "$jar" '*.java')
  done
fi
cp_file="$(mktemp)"
mvn -B -q -o -f "$repo/scanner-core/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="$repo/scanner-core/target/classes:$repo/rules/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
jvm=(java -Xmx1g -XX:+UseParallelGC -cp "$cp" "$here/ScanSourceBenchmark.java")
echo "corpus: $corpus  cores: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2; do
  "${jvm[@]}" parse "$corpus" "$threads"
  "${jvm[@]}" scan "$corpus" "$threads"
done
"${jvm[@]}" scan "$corpus" 1
