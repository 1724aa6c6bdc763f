#!/usr/bin/env bash
# audit-vs-xargs.sh - host-audit of a 300-host test fleet beside a plain `xargs -P ssh HOST true`
# loop over the same hosts, in the same run; plus the start-up time of a short command.
#
# Usage: bench/audit-vs-xargs.sh            (as root, from anywhere; takes about 2 minutes)
# Environment:
#   BENCH_HOSTS=300          fleet size
#   BENCH_ROUNDS=1           audit/xargs pairs to run (alternating, xargs first)
#   BENCH_WORKERS=20         concurrency of both; 20 is host-audit's default, so its own
#                            settings stay untouched (no --workers is passed)
#   BENCH_SHORT_RUNS=20      runs of the short command (median reported)
#   BENCH_NET=127.90         address prefix of the bench lab (must differ from running labs)
#   BENCH_DIR=/tmp/fleetroll-bench-$$   lab and FLEETROLL_HOME; deleted at the end
#   FLEETROLL="java -jar target/fleetroll.jar"   how to run fleetroll (e.g. ./fleetroll)
# Needs root, openssh-server, sudo (see src/test/fleet/fleetlab.sh) and a built jar
# (mvn -q package -DskipTests). Wall time is elapsed time; CPU is user+sys of the command and
# everything it waited for (the ssh clients), from bash's `time`. "machine CPU" adds the sshd
# side too (all of /proc/stat), so it also counts whatever else runs on the machine.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
FL=$REPO/src/test/fleet/fleetlab.sh
HOSTS=${BENCH_HOSTS:-300}
ROUNDS=${BENCH_ROUNDS:-1}
WORKERS=${BENCH_WORKERS:-20}
SHORT_RUNS=${BENCH_SHORT_RUNS:-20}
DIR=${BENCH_DIR:-/tmp/fleetroll-bench-$$}
read -r -a FLEETROLL <<< "${FLEETROLL:-java -jar $REPO/target/fleetroll.jar}"
[[ ${FLEETROLL[0]} != java ]] || FLEETROLL[0]=${JAVA_HOME:+$JAVA_HOME/bin/}java

[[ $(id -u) == 0 ]] || { echo "$0: must run as root (the test fleet needs it)" >&2; exit 1; }
[[ ${FLEETROLL[*]} != *target/fleetroll.jar* || -f $REPO/target/fleetroll.jar ]] ||
  { echo "$0: no target/fleetroll.jar; run: mvn -q package -DskipTests" >&2; exit 1; }

LAB=$DIR/lab
mkdir -p "$DIR"
cleanup() { "$FL" purge "$LAB" > /dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT

# machine_cpu_ticks: busy ticks of all CPUs (user nice system irq softirq steal), from /proc/stat.
machine_cpu_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
TICK=$(getconf CLK_TCK)

# measure LABEL CMD...: runs CMD once; appends "LABEL wall cpu machine_cpu exit" to $DIR/rows.
measure() {
  local label=$1 t0 t1 m0 m1 rc=0 times; shift
  m0=$(machine_cpu_ticks)
  local TIMEFORMAT='%R %U %S'
  times=$( { time "$@" > "$DIR/last.out" 2> "$DIR/last.err" || echo "rc=$?" > "$DIR/last.rc"; } 2>&1 )
  m1=$(machine_cpu_ticks)
  [[ -f $DIR/last.rc ]] && { rc=$(cut -d= -f2 < "$DIR/last.rc"); rm -f "$DIR/last.rc"; }
  read -r t0 t1 t2 <<< "$times"
  awk -v l="$label" -v w="$t0" -v u="$t1" -v s="$t2" -v m=$((m1 - m0)) -v hz="$TICK" -v rc="$rc" \
    'BEGIN { printf "%-22s %8.2f %8.2f %10.2f %5s\n", l, w, u + s, m / hz, rc }' >> "$DIR/rows"
}

echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(ssh -V 2>&1), $("${FLEETROLL[@]}" --version 2>&1 | head -1)"
echo "== starting $HOSTS hosts in $LAB (net ${BENCH_NET:-127.90})"
FLEETLAB_NET=${BENCH_NET:-127.90} FLEETLAB_SPECIALS=0 FLEETLAB_MACS=0 "$FL" up "$HOSTS" "$LAB" > /dev/null
CFG=$LAB/ssh_config
seq -f 'host%g' 1 "$HOSTS" > "$DIR/fleet.list"
export FLEETROLL_HOME=$DIR/home

# One untimed pass of each: page cache, JIT-less JVM start and sshd first-login work.
xargs -P "$WORKERS" -I{} ssh -F "$CFG" {} true < "$DIR/fleet.list"
"${FLEETROLL[@]}" host-audit -q --ssh-option "-F $CFG" "$DIR/fleet.list" > /dev/null

: > "$DIR/rows"
for ((r = 1; r <= ROUNDS; r++)); do
  # `sh -c '...; true'`: xargs would stop at the first ssh that exits 255
  measure "xargs -P $WORKERS ssh true" \
    xargs -P "$WORKERS" -I{} sh -c 'ssh -F "$1" "$2" true || true' sh "$CFG" {} < "$DIR/fleet.list"
  measure "fleetroll host-audit" "${FLEETROLL[@]}" host-audit -q --ssh-option "-F $CFG" "$DIR/fleet.list"
  echo "   round $r: $(cat "$DIR/last.out")"
done

short=()
for ((i = 0; i < SHORT_RUNS; i++)); do
  t0=$(date +%s%N)
  "${FLEETROLL[@]}" --help > /dev/null
  short+=($((($(date +%s%N) - t0) / 1000000)))
done
median=$(printf '%s\n' "${short[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')

echo
printf '%-22s %8s %8s %10s %5s\n' "$HOSTS hosts" "wall s" "CPU s" "machine s" "exit"
cat "$DIR/rows"
awk '/^xargs/ { xw += $(NF - 3); xc += $(NF - 2) } /^fleetroll/ { fw += $(NF - 3); fc += $(NF - 2) }
     END { if (xw > 0) printf "%-22s %8.2fx %7.2fx\n", "fleetroll / xargs", fw / xw, fc / xc }' "$DIR/rows"
echo
echo "fleetroll --help: median of $SHORT_RUNS runs $median ms (min $(printf '%s\n' "${short[@]}" | sort -n | head -1), max $(printf '%s\n' "${short[@]}" | sort -n | tail -1))"
echo "fleetroll command: ${FLEETROLL[*]}"
