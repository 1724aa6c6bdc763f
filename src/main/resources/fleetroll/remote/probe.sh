# fleetroll host probe, protocol 1. Read-only: it reads files and runs stat/sha tools, and writes
# nothing on the host. Runs as root under one `sudo -n sh -s`; POSIX sh (dash, bash, macOS sh).
# Output: "FLEETROLL_PROBE 1", KEY=VALUE lines, then length-framed blobs, the override last.
LC_ALL=C
export LC_ALL
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
echo "FLEETROLL_PROBE 1"
os=$(uname -s 2>/dev/null)
echo "OS=$os"
if [ "$os" = Darwin ]; then
  ovr=/opt/puppet_environments/ronin_settings
  vlt=/var/root/vault.yaml
  meta=/opt/puppet_environments/last_run_metadata.json
  fmeta() { stat -f '%Lp %Su %Sg %z %m' "$1" 2>/dev/null; }
  fsha() { shasum -a 256 < "$1" 2>/dev/null | awk '{print $1}'; }
  # "{ sec = 1700000000, usec = 123456 } Tue Nov 14 ...": anchor on "{", or the greedy match
  # would take usec.
  boot=$(sysctl -n kern.boottime 2>/dev/null | sed -n 's/^{ *sec = \([0-9][0-9]*\).*/\1/p')
  [ -n "$boot" ] && echo "UPTIME_S=$(( $(date +%s) - boot ))"
else
  ovr=/etc/puppet/ronin_settings
  vlt=/root/vault.yaml
  meta=/etc/puppet/last_run_metadata.json
  fmeta() { stat -c '%a %U %G %s %Y' "$1" 2>/dev/null; }
  fsha() { sha256sum < "$1" 2>/dev/null | awk '{print $1}'; }
  [ -r /proc/uptime ] && echo "UPTIME_S=$(cut -d. -f1 /proc/uptime)"
fi
# blob NAME FILE: "NAME_BYTES=n", exactly n bytes, then "\n__END__ NAME" so that a file that
# changed size between wc and head is detected instead of shifting what follows.
blob() {
  n=$(wc -c < "$2" | tr -d ' ')
  echo "$1_BYTES=$n"
  head -c "$n" "$2"
  printf '\n__END__ %s\n' "$1"
}
if [ -f /etc/puppet_role ]; then
  echo "ROLE_PRESENT=1"
  echo "ROLE=$(head -n 1 /etc/puppet_role | tr -d '\r')"
else
  echo "ROLE_PRESENT=0"
fi
echo "VLT_PATH=$vlt"
if [ -f "$vlt" ]; then
  echo "VLT_PRESENT=1"
  echo "VLT_META=$(fmeta "$vlt")"
  vsha=$(fsha "$vlt")
  echo "VLT_SHA256=$vsha"
else
  echo "VLT_PRESENT=0"
fi
st=/opt/puppetlabs/puppet/cache/state
if [ -f "$meta" ]; then
  echo "PP_SOURCE=metadata"
  blob PP_META "$meta"
elif [ -f "$st/last_run_report.yaml" ]; then
  echo "PP_SOURCE=report"
  echo "PP_TIME=$(grep -m 1 '^time:' "$st/last_run_report.yaml" | sed "s/^time: *//; s/['\"]//g")"
  echo "PP_STATUS=$(grep -m 1 '^status:' "$st/last_run_report.yaml" | sed "s/^status: *//; s/['\"]//g")"
else
  sum=
  for f in "$st/last_run_summary.yaml" /var/lib/puppet/state/last_run_summary.yaml; do
    [ -f "$f" ] && { sum=$f; break; }
  done
  if [ -n "$sum" ]; then
    echo "PP_SOURCE=summary"
    echo "PP_LAST_RUN=$(sed -n 's/^ *last_run: *//p' "$sum" | head -n 1)"
    echo "PP_FAILURES=$(awk '/^events:/{e=1;next} /^[^ ]/{e=0} e && $1=="failure:"{print $2}' "$sum")"
  else
    echo "PP_SOURCE=none"
  fi
fi
if [ -f "$vlt" ] && [ -n "$vsha" ]; then
  case " $FLEETROLL_KNOWN_VAULTS " in
    *" $vsha "*) ;;
    *) blob VLT_CONTENT "$vlt" ;;
  esac
fi
echo "OVR_PATH=$ovr"
if [ -f "$ovr" ]; then
  echo "OVR_PRESENT=1"
  echo "OVR_META=$(fmeta "$ovr")"
  echo "OVR_SHA256=$(fsha "$ovr")"
  echo "__OVR_CONTENT__"
  cat "$ovr"
else
  echo "OVR_PRESENT=0"
fi
