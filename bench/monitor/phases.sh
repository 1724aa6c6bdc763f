#!/usr/bin/env bash
# Where `host-monitor --once` spends its time, phase by phase. Builds a throw-away copy of the
# working tree with a timestamp at the end of each phase (one stderr line each), runs it RUNS times
# through its own launcher, and prints each phase's median. "before main" is the launcher, JVM
# start and AOT cache load: the run's wall time minus the phases inside main.
#   bench/monitor/phases.sh DIR [RUNS]        DIR as made by GenerateFleet.java
# The marks are inserted at lines of the sources found by their text: when one is not found, the
# script says which and stops (the code moved; update the anchor below).
set -euo pipefail
dir=$(cd "${1:?usage: phases.sh DIR [RUNS]}" && pwd)
runs=${2:-5}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
copy=$(mktemp -d "${TMPDIR:-/tmp}/fleetroll-phases.XXXXXX")
trap 'rm -rf "$copy"' EXIT
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar cf - --no-recursion) | tar xf - -C "$copy"

src=$copy/src/main/java/fleetroll
cat >"$src/PhaseMark.java" <<'JAVA'
package fleetroll;

/** Bench only (bench/monitor/phases.sh): prints the time since the previous mark. */
public final class PhaseMark {
    private static long last = System.nanoTime();

    private PhaseMark() {}

    public static void mark(String phase) {
        long now = System.nanoTime();
        System.err.println("PHASE " + phase.replace(' ', '_') + " " + (now - last) / 1_000_000);
        last = now;
    }
}
JAVA

# mark FILE ANCHOR PHASE [before]: a mark after (or before) the first line containing ANCHOR.
mark() {
  local file=$src/$1 anchor=$2 phase=$3 where=${4:-after}
  grep -qF -- "$anchor" "$file" || { echo "phases.sh: anchor not found in $1: $anchor" >&2; exit 2; }
  ANCHOR=$anchor LINE="fleetroll.PhaseMark.mark(\"$phase\");" WHERE=$where perl -0pi -e '
    my ($a, $l) = ($ENV{ANCHOR}, $ENV{LINE});
    if ($ENV{WHERE} eq "before") { s/^([^\n]*\Q$a\E)/$l\n$1/m } else { s/^([^\n]*\Q$a\E[^\n]*)$/$1\n$l/m }
  ' "$file"
}
mark cli/Main.java 'public static void main(String[] args) {' 'main entered'
mark cli/Main.java 'CommandLine commandLine = commandLine(context, args);' 'command line'
mark cli/HostMonitorCommand.java 'List<HostTarget> hosts = targets.resolve();' 'parse args, host list'
mark cli/HostMonitorCommand.java 'FleetLoader loader = new FleetLoader(state, hosts);' 'open store'
mark cli/HostMonitorCommand.java 'FleetSnapshot snapshot = loader.loadAll();' 'load 10,000 hosts'
mark monitor/OnceRenderer.java 'return query.sort(rows);' 'rows, sort' before
mark monitor/OnceRenderer.java 'OnceRenderer renderer = new OnceRenderer(TableLayout.unclipped(texts, ""), colour);' 'cell texts' before
mark monitor/OnceRenderer.java 'out.print(block);' 'widths, lines' before
mark monitor/OnceRenderer.java 'out.flush();' 'print'

(cd "$copy" && ./fleetroll --version >/dev/null 2>&1) # builds the copy and trains its AOT cache
export FLEETROLL_HOME=$dir/home
"$copy/fleetroll" host-monitor --once "$dir/hosts.list" >/dev/null 2>&1 # warms the page cache
log=$copy/phases.log
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$copy/fleetroll" host-monitor --once "$dir/hosts.list" 2>&1 >/dev/null | grep '^PHASE ' >>"$log.run"
  end=$(date +%s%N)
  inside=$(awk '$2 != "main_entered" {s += $3} END {print s}' "$log.run")
  total=$(( (end - start) / 1000000 ))
  { cat "$log.run"; echo "PHASE before_main $((total - inside))"; echo "PHASE total $total"; } >>"$log"
  rm -f "$log.run"
done
echo "host-monitor --once, $(grep -vc '^#' "$dir/hosts.list") hosts, median of $runs runs (ms);" \
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
for phase in before_main command_line parse_args,_host_list open_store load_10,000_hosts rows,_sort \
    cell_texts widths,_lines print total; do
  awk -v p="$phase" '$2 == p {print $3}' "$log" | sort -n |
    awk -v p="$phase" '{v[NR] = $1} END {printf "  %-22s %5d\n", p, v[int((NR + 1) / 2)]}'
done | tr '_' ' '
