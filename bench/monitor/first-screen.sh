#!/usr/bin/env bash
# Time from launch to the first screen with rows of the interactive view, in a private tmux
# server at 200x50, and the RSS of the running monitor after it has run for 10 seconds.
#   bench/monitor/first-screen.sh DIR [RUNS]
# Environment: JAVA, JAVA_OPTS, JAR as for once.sh; LAUNCHER=1 runs ./fleetroll (its AOT cache
# and JVM options) instead of java -jar.
set -euo pipefail
dir=$(cd "${1:?usage: first-screen.sh DIR [RUNS]}" && pwd)
runs=${2:-5}
java=${JAVA:-java}
jar=$(cd "$(dirname "${JAR:-target/fleetroll.jar}")" && pwd)/$(basename "${JAR:-target/fleetroll.jar}")
if [[ -n ${LAUNCHER-} ]]; then
  command=$(pwd)/fleetroll
else
  command="$java ${JAVA_OPTS:-} -jar $jar"
fi
sock=fleetroll-bench-$$
tmx() { tmux -L "$sock" "$@"; }
trap 'tmx kill-server 2>/dev/null || true' EXIT
# A row of the generated fleet: its hosts are t-linux64-ms-N and macmini-r8-N.
first_row='^(!)?(t-linux64-ms|macmini-r8)-[0-9]+ '
times=()
for _ in $(seq "$runs"); do
  tmx kill-server 2>/dev/null || true
  sleep 0.5 # let the old server go before the next one takes its socket
  start=$(date +%s%N)
  tmx new-session -d -x 200 -y 50 -e LANG=C.UTF-8 -e "FLEETROLL_HOME=$dir/home" \
      "exec $command host-monitor $dir/hosts.list"
  until tmx capture-pane -p 2>/dev/null | grep -Eq "$first_row"; do sleep 0.01; done
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done
sleep 10
pid=$(tmx list-panes -F '#{pane_pid}')
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
tmx send-keys q
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "host-monitor first screen: $(grep -vc '^#' "$dir/hosts.list") hosts, $runs runs:" \
     "min $(head -n 1 <<<"$sorted") ms, median $(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted") ms," \
     "max $(tail -n 1 <<<"$sorted") ms; after 10 s: RSS $(( rss_kb / 1024 )) MiB, peak $(( hwm_kb / 1024 )) MiB;" \
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
