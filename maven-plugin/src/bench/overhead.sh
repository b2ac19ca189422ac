#!/usr/bin/env bash
# Measures what keyaudit:scan adds to "mvn verify" on a mid-size project: Apache Commons Lang 3.17.0
# (its main sources from the sources jar on Maven Central, ~230 files), built as a plain jar project.
# Cold = "mvn clean verify"; incremental = "mvn verify" again with nothing changed. Each case runs
# with the plugin and with -Dkeyaudit.skip=true, interleaved, so that a change in the machine's load
# hits both alike; the difference of the medians is the overhead. The 1-minute load average is
# printed for every run (the figures mean little on a busy machine).
#
# Prerequisite: "mvn -B -pl maven-plugin -am verify" (its invoker run installs the plugin into
# maven-plugin/target/local-repo, which this script uses; ~/.m2 is only read).
# Usage: maven-plugin/src/bench/overhead.sh [runs]   (default 5)
set -euo pipefail
runs=${1:-5}
plugin_dir=$(cd "$(dirname "$0")/../.." && pwd)
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$plugin_dir/pom.xml" | head -1)
repo="$plugin_dir/target/local-repo"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[[ -d "$repo/dev/keyaudit/keyaudit-maven-plugin" ]] || {
  echo "build the plugin first: mvn -B -pl maven-plugin -am verify" >&2
  exit 1
}
mvn -B -q dependency:get -Dartifact=org.apache.commons:commons-lang3:3.17.0:jar:sources \
  -Dtransitive=false
project="$work/lang3"
mkdir -p "$project/src/main/java"
(cd "$project/src/main/java" &&
  unzip -q ~/.m2/repository/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0-sources.jar \
    'org/*' && find . -name '*.java' | wc -l | xargs echo "java files:")

cat > "$work/settings.xml" <<XML
<settings>
  <profiles><profile><id>user-m2</id><activation><activeByDefault>true</activeByDefault></activation>
    <repositories><repository><id>user-m2</id><url>file://$HOME/.m2/repository</url>
      <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository></repositories>
    <pluginRepositories><pluginRepository><id>user-m2</id><url>file://$HOME/.m2/repository</url>
      <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
  </profile></profiles>
</settings>
XML

cat > "$project/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>lang3</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <build>
    <plugins>
      <plugin><artifactId>maven-clean-plugin</artifactId><version>3.4.1</version></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
      <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
      <plugin>
        <groupId>dev.keyaudit</groupId>
        <artifactId>keyaudit-maven-plugin</artifactId>
        <version>$version</version>
        <configuration><failOn>none</failOn></configuration>
        <executions><execution><goals><goal>scan</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
XML

mvn_run() { # prints seconds; logs the load average before the run on stderr
  local start end
  echo "load $(cut -d' ' -f1 /proc/loadavg) before mvn $*" >&2
  start=$(date +%s.%N)
  mvn -B -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$project/pom.xml" "$@" \
    > "$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

mvn_run clean verify > /dev/null # warm-up: fills the local repository
declare -A times
for ((i = 0; i < runs; i++)); do
  times[cold_skip]+="$(mvn_run clean verify -Dkeyaudit.skip=true) "
  times[cold_scan]+="$(mvn_run clean verify) "
  times[incr_skip]+="$(mvn_run verify -Dkeyaudit.skip=true) "
  times[incr_scan]+="$(mvn_run verify) "
done
# What the plugin itself reports, cold and then incremental.
for goals in "clean verify" "verify"; do
  mvn -B -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$project/pom.xml" $goals \
    | grep -E "KeyAudit: [0-9]|KeyAudit: inputs unchanged|KeyAudit: up to date|Total time" || true
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
for case in cold_skip cold_scan incr_skip incr_scan; do
  printf '%-10s median %6.2f s   runs: %s\n' "$case" \
    "$(tr ' ' '\n' <<< "${times[$case]}" | grep . | median)" "${times[$case]}"
done
