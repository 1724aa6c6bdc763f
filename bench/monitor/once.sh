#!/usr/bin/env bash
# Times `fleetroll host-monitor --once` end to end (JVM start included) and reports its peak RSS.
#   bench/monitor/once.sh DIR [RUNS]        DIR as made by GenerateFleet.java
# Environment: JAVA (default: java on PATH), JAVA_OPTS (e.g. "-XX:AOTCache=fleetroll.aot"),
# JAR (default: target/fleetroll.jar), ARGS (extra host-monitor arguments, e.g. "--json"),
# LAUNCHER=1 (run ./fleetroll, with its AOT cache and JVM options, instead of java -jar).
set -euo pipefail
dir=$(cd "${1:?usage: once.sh DIR [RUNS]}" && pwd)
runs=${2:-10}
java=${JAVA:-java}
jar=${JAR:-target/fleetroll.jar}
export FLEETROLL_HOME=$dir/home
if [[ -n ${LAUNCHER-} ]]; then
  run=(./fleetroll)
else
  "$java" -version 2>&1 | grep -q 'version "2[1-9]' || { echo "once.sh: $java is not Java 21+; set JAVA" >&2; exit 2; }
  run=("$java" ${JAVA_OPTS:-} -jar "$jar")
fi
# One run to warm the page cache, write the kept sqlite library (and with LAUNCHER, build the
# jar and train the AOT cache when they are missing); not counted.
"${run[@]}" host-monitor --once ${ARGS:-} "$dir/hosts.list" >/dev/null 2>&1
walls=() rss=()
measure=$(mktemp)
trap 'rm -f "$measure"' EXIT
for _ in $(seq "$runs"); do
  /usr/bin/time -o "$measure" -f '%e %M' "${run[@]}" host-monitor --once ${ARGS:-} "$dir/hosts.list" >/dev/null 2>&1
  read -r wall kb <"$measure"
  walls+=("$wall") rss+=("$kb")
done
sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
min=$(head -n 1 <<<"$sorted"); max=$(tail -n 1 <<<"$sorted")
median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -n 1)
hosts=$(grep -vc '^#' "$dir/hosts.list")
echo "host-monitor --once ${ARGS:-}: $hosts hosts, $runs runs: wall min ${min}s median ${median}s max ${max}s;" \
     "peak RSS $(( peak / 1024 )) MiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
