#!/usr/bin/env bash
# Source-scan benchmark: parse-only pass vs the full Java source frontend over a large corpus.
# Usage: [XMX=1g] benchmarks/scan-source/run.sh [corpus-dir | large] [threads]
# Default corpus: the sources jars of BouncyCastle (bcprov-jdk18on) and commons-lang3 from the
# local Maven repository (542 k lines). "large" adds bcpkix, bcpg, bcutil, guava, jackson-databind
# and commons-collections4 (1.1 M lines), for the memory target. Fetch a missing jar with
#   mvn dependency:get -Dtransitive=false -Dartifact=G:A:V:jar:sources
# Needs scanner-core compiled: mvn -B -o -pl rules,scanner-core -am compile
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
threads="${2:-2}"
corpus="${1:-}"
m2="$HOME/.m2/repository"
jars=(
  "$m2/org/bouncycastle/bcprov-jdk18on/1.78.1/bcprov-jdk18on-1.78.1-sources.jar"
  "$m2/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0-sources.jar"
)
if [[ "$corpus" == large ]]; then
  jars+=(
    "$m2/org/bouncycastle/bcpkix-jdk18on/1.78.1/bcpkix-jdk18on-1.78.1-sources.jar"
    "$m2/org/bouncycastle/bcpg-jdk18on/1.78.1/bcpg-jdk18on-1.78.1-sources.jar"
    "$m2/org/bouncycastle/bcutil-jdk18on/1.78.1/bcutil-jdk18on-1.78.1-sources.jar"
    "$m2/com/google/guava/guava/33.3.1-jre/guava-33.3.1-jre-sources.jar"
    "$m2/com/fasterxml/jackson/core/jackson-databind/2.20.1/jackson-databind-2.20.1-sources.jar"
    "$m2/org/apache/commons/commons-collections4/4.4/commons-collections4-4.4-sources.jar"
  )
  corpus=""
fi
if [[ -z "$corpus" ]]; then
  corpus="$(mktemp -d)"
  trap 'rm -rf "$corpus"' EXIT
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || { echo "missing $jar (see the header for how to fetch it)" >&2; exit 1; }
    name="$(basename "$jar" .jar)"
    mkdir -p "$corpus/$name"
    (cd "$corpus/$name" && unzip -q -o "$jar" '*.java')
  done
fi
cp_file="$(mktemp)"
mvn -B -q -o -f "$repo/scanner-core/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="$repo/scanner-core/target/classes:$repo/rules/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
jvm=(java "-Xmx${XMX:-1g}" -XX:+UseParallelGC -cp "$cp" "$here/ScanSourceBenchmark.java")
echo "corpus: $corpus  cores: $(nproc)  heap: ${XMX:-1g}  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2; do
  "${jvm[@]}" parse "$corpus" "$threads"
  "${jvm[@]}" scan "$corpus" "$threads"
done
"${jvm[@]}" scan "$corpus" 1
