#!/usr/bin/env bash
# fleetlab.sh - fleetroll's test fleet: real OpenSSH servers on one machine, without Docker.
# The integration tests start it themselves (src/test/java/fleetroll/testfleet/TestFleet.java);
# bench/ scripts start their own. Derived from the measured recipe in ../shared/lab/FINDINGS.md.
#
# Every fake host is a REAL OpenSSH server (/usr/sbin/sshd -D) that runs in its own
# Linux namespaces, made with unshare(1). Needs root, openssh-server, openssh-client,
# sudo, util-linux (unshare, nsenter), perl (Debian's perl-base is enough).
#
#   mount ns : /etc /var /opt are copy-on-write overlays of the real directories;
#              what a host writes there lands in DIR/hosts/NAME/{etc,var,opt}.upper.
#              /root /home /tmp /run are per-host directories DIR/hosts/NAME/{root,...}
#              bind-mounted in place. So each host has its own /etc/puppet_role,
#              /etc/puppet/ronin_settings, /root/vault.yaml, its own users, sudoers,
#              host key, ... and atomic writes (mktemp + mv) work everywhere.
#   pid ns   : the host's sshd is PID 1 of its own PID namespace; killing it kills every
#              process of that host (sessions, sudo, leftovers). `ps` shows only the host.
#   uts ns   : `hostname` prints the host's name.
#   time ns  : /proc/uptime (so `uptime`) differs per host.
#   network  : none needed. Each host listens on its own loopback address
#              $FLEETLAB_NET.X.Y port $FLEETLAB_PORT (all of 127.0.0.0/8 is routed to lo).
# Nothing outside DIR is written: no user is added to the real /etc/passwd, no
# /run/sshd is created, no interface or route is added.
#
# Usage:
#   fleetlab.sh up N DIR            start host1..hostN, mac1..macM (M = FLEETLAB_MACS) and the
#                                   special hosts below in DIR, write DIR/ssh_config; idempotent:
#                                   running hosts are kept, dead ones restarted, hosts beyond N
#                                   removed.
#   fleetlab.sh down DIR            kill exactly the processes that `up` started (PID files)
#   fleetlab.sh status DIR          one line per host: name kind address state
#   fleetlab.sh exec DIR HOST CMD.. run CMD inside HOST's namespaces (no ssh), e.g. to
#                                   set up or inspect its files as root
#   fleetlab.sh purge DIR           down, then delete DIR
#
# Special hosts (unless FLEETLAB_SPECIALS=0), all in DIR/ssh_config:
#   unreachable  nothing listens: "Connection refused" at once
#   blackhole    SYNs are dropped: "connect to host ... Connection timed out" (ConnectTimeout)
#   hang         TCP is accepted but no SSH banner ever comes:
#                "Connection timed out during banner exchange" (ConnectTimeout)
#   slow         a normal host, but every command starts $FLEETLAB_SLOW_SECONDS late
#   nosudo       a normal host, but sudo refuses everyone ("a password is required" /
#                "root is not in the sudoers file")
#   noauth       a normal host, but our key is not authorized: "Permission denied (publickey)"
#
# macOS-like hosts mac1..macM: a normal host whose /usr/local/bin (first in the login PATH and
# in sudo's secure_path on Debian) is replaced by fakes that answer like macOS: `uname -s`
# prints Darwin, `stat -f FORMAT`, `sysctl -n kern.boottime`, `shasum -a 256` and a padded
# `wc -c` work as on macOS, while GNU-only calls (`stat -c`, `sha256sum`) fail as they would
# there. Root's group is named wheel, and /var/root (vault) and /opt/puppet_environments
# (override, Puppet metadata) exist. /etc/puppet_role is $FLEETLAB_MAC_ROLE.
#
# Seeding host files before start: put trees in DIR/seed/all/ (every sshd host) and/or
# DIR/seed/NAME/ (one host), with top-level dirs among etc var opt root home tmp, e.g.
# DIR/seed/host3/etc/puppet/ronin_settings or DIR/seed/all/root/vault.yaml. They are
# copied (cp -a: keep modes/owners) when a host is created, after the defaults.
# Later changes: `fleetlab.sh exec DIR host3 sh -c '...'` or through ssh itself.
# Reading a host's files from outside is fine: DIR/hosts/host3/etc.upper/puppet_role
# (only files the host changed are in *.upper; the rest comes from the real /etc).
#
# Settings (environment). The first eight are fixed when DIR is created (DIR/lab.env);
# labs that run at the same time need different FLEETLAB_NET.
#   FLEETLAB_NET=127.77          address prefix: hostK = NET.(K/256).(K%256), macK NET.254.K,
#                                specials NET.255.x
#   FLEETLAB_PORT=2222           sshd port on every host
#   FLEETLAB_USER=fleet          non-root login user (has NOPASSWD sudo); root can log in too
#   FLEETLAB_UID=4242            its uid/gid (exists only inside the fake hosts)
#   FLEETLAB_ROLES="role_a role_b role_c"   /etc/puppet_role of hostK = word ((K-1) mod count)
#   FLEETLAB_MAC_ROLE=gecko_t_osx_1500_m4   /etc/puppet_role of the mac hosts
#   FLEETLAB_SLOW_SECONDS=3      delay of the "slow" host
#   FLEETLAB_UPTIME_STEP=86400   hostK's uptime = real uptime + (K mod 1000)*STEP s (0: no time ns)
#   FLEETLAB_MACS=1              how many macOS-like hosts (mac1..macM, at most 250)
#   FLEETLAB_SPECIALS=1          create the special hosts
#   FLEETLAB_START_TIMEOUT=120   seconds `up` waits for all hosts to listen
set -euo pipefail
shopt -s nullglob

PROG=${0##*/}
SSHD=/usr/sbin/sshd
SPECIALS=(unreachable blackhole hang slow nosudo noauth)   # index+1 = last octet
# What each host gets of its own (see bin/fleetlab-host below):
#   copy-on-write overlays: /etc /var /opt      per-host dirs: /root /home /tmp /run

die()  { echo "$PROG: $*" >&2; exit 1; }
note() { echo "$PROG: $*" >&2; }

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit "${1:-0}"; }

# ---------------------------------------------------------------- lab settings

load_settings() {   # $1 = lab dir; sets the FLEETLAB_* variables
  local lab=$1 v
  if [[ -f $lab/lab.env ]]; then
    local -A wanted=()
    for v in NET PORT USER UID ROLES MAC_ROLE SLOW_SECONDS UPTIME_STEP; do
      local name=FLEETLAB_$v
      [[ -n ${!name+x} ]] && wanted[$v]=${!name}
    done
    # shellcheck disable=SC1091
    . "$lab/lab.env"
    for v in "${!wanted[@]}"; do
      local name=FLEETLAB_$v
      [[ ${wanted[$v]} == "${!name}" ]] ||
        note "warning: $name=${wanted[$v]} ignored, $lab was made with ${!name} (purge it to change)"
    done
  fi
  : "${FLEETLAB_NET:=127.77}" "${FLEETLAB_PORT:=2222}" "${FLEETLAB_USER:=fleet}"
  : "${FLEETLAB_UID:=4242}" "${FLEETLAB_ROLES:=role_a role_b role_c}"
  : "${FLEETLAB_MAC_ROLE:=gecko_t_osx_1500_m4}"
  : "${FLEETLAB_SLOW_SECONDS:=3}" "${FLEETLAB_UPTIME_STEP:=86400}"
  : "${FLEETLAB_MACS:=1}" "${FLEETLAB_SPECIALS:=1}" "${FLEETLAB_START_TIMEOUT:=120}"
  [[ $FLEETLAB_MACS =~ ^[0-9]+$ ]] && ((FLEETLAB_MACS <= 250)) || die "FLEETLAB_MACS must be 0..250"
  [[ $FLEETLAB_NET =~ ^127\.[0-9]{1,3}$ ]] || die "FLEETLAB_NET must look like 127.N (loopback only)"
  [[ -r /proc/self/ns/time ]] || FLEETLAB_UPTIME_STEP=0   # kernel without time namespaces
}

save_settings() {
  local v name
  for v in NET PORT USER UID ROLES MAC_ROLE SLOW_SECONDS UPTIME_STEP; do
    name=FLEETLAB_$v; printf '%s=%q\n' "$name" "${!name}"
  done > "$1/lab.env"
}

check_env() {
  [[ $(id -u) == 0 ]] || die "must run as root (mount/pid namespaces, sshd)"
  local t
  for t in "$SSHD" ssh ssh-keygen sudo unshare nsenter perl setsid flock; do
    command -v "$t" >/dev/null || die "missing $t (apt-get install openssh-server openssh-client sudo util-linux perl)"
  done
  grep -qw overlay /proc/filesystems || die "kernel has no overlayfs"
}

# Resolve DIR to an absolute path and make sure it does not live under a directory that
# the hosts replace (it would be hidden from them or overlap an overlay).
lab_path() {
  local d
  d=$(realpath -m -- "$1")
  for p in /etc /var /opt /root /home /run; do   # /tmp is fine: mounted last
    [[ $d == "$p" || $d == "$p"/* ]] && die "DIR must not be under $p (use e.g. /tmp/fleetlab/NAME)"
  done
  [[ $d == / ]] && die "DIR must not be /"
  echo "$d"
}

is_lab() { [[ -f $1/.fleetlab ]]; }

# Serialise commands on one lab (e.g. tests calling `up` in parallel): lock on fd 9.
lock_lab() { mkdir -p "$1"; exec 9>> "$1/.lock"; flock 9; }

# ------------------------------------------------------------ lab skeleton

# One-time creation of DIR: client key, the layer shared by all hosts' /etc, helpers.
lab_init() {
  local lab=$1 c out
  if is_lab "$lab"; then return; fi
  local e
  for e in "$lab"/* "$lab"/.[!.]*; do      # only seed/ (and our lock) may be there already
    [[ ${e##*/} == seed || ${e##*/} == .lock ]] || die "$lab exists and is not a fleetlab dir"
  done
  if getent passwd "$FLEETLAB_USER" >/dev/null || getent passwd "$FLEETLAB_UID" >/dev/null; then
    die "user $FLEETLAB_USER or uid $FLEETLAB_UID exists on this machine; set FLEETLAB_USER/FLEETLAB_UID"
  fi
  mkdir -p "$lab"/{client,common/etc/ssh/fleetlab.d,common/etc/sudoers.d,common/etc/fleetlab,bin,hosts,cm}
  chmod 755 "$lab"
  ssh-keygen -q -t ed25519 -N '' -C fleetlab-client -f "$lab/client/id_ed25519"

  # Users: copies of the real files plus the login user (which exists only in the hosts).
  c=$lab/common/etc
  cp -p /etc/passwd /etc/group /etc/shadow "$c/"
  echo "$FLEETLAB_USER:x:$FLEETLAB_UID:$FLEETLAB_UID:fleetlab:/home/$FLEETLAB_USER:/bin/bash" >> "$c/passwd"
  echo "$FLEETLAB_USER:x:$FLEETLAB_UID:" >> "$c/group"
  # '*' = no password but NOT locked ('!' would make sshd refuse the login without PAM)
  echo "$FLEETLAB_USER:*:19000:0:99999:7:::" >> "$c/shadow"
  echo "$FLEETLAB_USER ALL=(ALL:ALL) NOPASSWD: ALL" > "$c/sudoers.d/fleetlab"
  chmod 0440 "$c/sudoers.d/fleetlab"

  # sshd config shared by all hosts; per-host settings come from fleetlab.d/host.conf,
  # included first (in sshd_config the first value obtained wins).
  {
    echo "# fleetlab: sshd config of every fake host (seen inside the host as /etc/ssh/...)"
    echo "Include /etc/ssh/fleetlab.d/*.conf"
    echo "HostKey /etc/ssh/fleetlab_host_ed25519_key"
    echo "PidFile /run/sshd.pid"
    echo "UsePAM no"
    echo "PubkeyAuthentication yes"
    echo "PasswordAuthentication no"
    echo "KbdInteractiveAuthentication no"
    echo "PermitRootLogin prohibit-password"
    echo "AuthorizedKeysFile .ssh/authorized_keys"
    echo "PrintMotd no"
    echo "PrintLastLog no"
    echo "UseDNS no"
    echo "AcceptEnv LANG LC_*"
    echo "Subsystem sftp internal-sftp"
    # OpenSSH >= 9.8 would penalise 127.0.0.1 (every client's address) after failed logins
    out=$("$SSHD" -T -f /dev/null -o PerSourcePenalties=no 2>&1 || true)
    [[ $out == *"Bad configuration option"* ]] || echo "PerSourcePenalties no"
  } > "$c/ssh/sshd_config.fleetlab"

  # ForceCommand of the "slow" host: wait, then run what the client asked for.
  cat > "$c/fleetlab/slow-command" <<'EOF'
#!/bin/sh
# fleetlab "slow" host: every session starts $1 seconds late, then runs normally.
sleep "$1"
[ -n "${SSH_ORIGINAL_COMMAND-}" ] && exec "${SHELL:-/bin/sh}" -c "$SSH_ORIGINAL_COMMAND"
exec "${SHELL:-/bin/sh}" -l
EOF
  chmod 755 "$c/fleetlab/slow-command"

  write_host_script "$lab/bin/fleetlab-host"
  write_fake_listener "$lab/bin/fleetlab-fake-listener.pl"
  write_macos_tools "$lab/common/macos-bin"
  save_settings "$lab"
  echo "fleetlab lab dir; see $0" > "$lab/.fleetlab"
}

# The program that each host's unshare runs: PID 1 of the host's namespaces.
write_host_script() {
  cat > "$1" <<'EOF'
#!/bin/sh
# fleetlab host init: runs as PID 1 of a fresh pid/mount/uts/time namespace
# (started by fleetlab.sh). Builds this host's view of the filesystem, then becomes
# its sshd, or its fake listener for the hang/blackhole hosts.
set -eu
H=$1                     # DIR/hosts/NAME
LAB=${H%/hosts/*}
. "$LAB/lab.env"
. "$H/host.env"          # NAME KIND ADDR PORT

case $KIND in hang|blackhole)
  exec perl "$LAB/bin/fleetlab-fake-listener.pl" "$KIND" "$ADDR" "$FLEETLAB_PORT" "$H/run/ready" ;;
esac
# macOS-like: its tools come first in PATH and in sudo's secure_path (/usr/local/sbin is not
# used, so that a real Linux tool installed there cannot shadow them).
[ "$KIND" != macos ] || mount -n --bind "$LAB/common/macos-bin" /usr/local/bin

# mount -n: do not write /run/mount/utab. /run goes first, so nothing below touches the real /run.
mount -n --bind "$H/run" /run
mkdir -m 0755 /run/sshd                            # sshd's privilege separation dir
for d in /etc /var /opt; do                        # copy-on-write: real dir below, host's changes above
  [ -d "$d" ] || continue
  n=${d#/}; low=$d
  [ -d "$LAB/common/$n" ] && low=$LAB/common/$n:$d
  mount -n -t overlay "fleetlab-$n" -o "lowerdir=$low,upperdir=$H/$n.upper,workdir=$H/$n.work" "$d"
done
last=
for d in /root /home /tmp; do                      # private dirs; one that holds $H goes last
  case $H/ in "$d"/*) last=$d; continue ;; esac
  mount -n --bind "$H/${d#/}" "$d"
done
[ -z "$last" ] || mount -n --bind "$H/${last#/}" "$last"   # from here on $LAB may be hidden
hostname "$NAME"
exec /usr/sbin/sshd -D -f /etc/ssh/sshd_config.fleetlab -E /run/sshd.log
EOF
  chmod 755 "$1"
}

# Perl listeners for the hang and blackhole hosts (perl-base only, no extra package).
write_fake_listener() {
  cat > "$1" <<'EOF'
#!/usr/bin/perl
# fleetlab fake endpoints:
#   hang       accept every TCP connection, read what the client sends, never answer
#              (no SSH banner); close when the client closes.
#   blackhole  listen with an accept queue of 1 that we fill ourselves and never accept:
#              the kernel then drops new SYNs, so clients' connect() times out.
use strict; use warnings; use Socket; use IO::Select;
my ($mode, $addr, $port, $ready) = @ARGV;
socket(my $l, PF_INET, SOCK_STREAM, 0) or die "socket: $!";
setsockopt($l, SOL_SOCKET, SO_REUSEADDR, 1) or die "setsockopt: $!";
bind($l, sockaddr_in($port, inet_aton($addr))) or die "bind $addr:$port: $!";
sub ready { open(my $f, '>', $ready) or die "$ready: $!"; close $f; }
if ($mode eq 'blackhole') {
    listen($l, 0) or die "listen: $!";
    socket(my $self, PF_INET, SOCK_STREAM, 0) or die "socket: $!";
    connect($self, sockaddr_in($port, inet_aton($addr))) or die "connect: $!";
    ready(); sleep 1000 while 1;
}
listen($l, 1024) or die "listen: $!";
ready();
my $sel = IO::Select->new($l);
while (1) {
    for my $fh ($sel->can_read) {
        if ($fh == $l) { my $c; $sel->add($c) if accept($c, $l); next; }
        my $n = sysread($fh, my $buf, 65536);
        if (!$n) { $sel->remove($fh); close $fh; }
    }
}
EOF
}

# The macOS-like hosts' /usr/local/bin: tools that answer as macOS's do, for the calls a
# probe makes, and refuse the GNU-only calls that would fail on a real Mac.
write_macos_tools() {
  local d=$1
  mkdir -p "$d"
  cat > "$d/uname" <<'EOF'
#!/bin/sh
# fleetlab macOS-like host: uname as on macOS 14 (Apple silicon).
s=0 n=0 r=0 v=0 m=0 p=0
[ $# -eq 0 ] && s=1
for a in "$@"; do
  case $a in
    -a) s=1 n=1 r=1 v=1 m=1 ;;
    -*) o=${a#-}
        while [ -n "$o" ]; do
          c=${o%"${o#?}"}; o=${o#?}
          case $c in s) s=1 ;; n) n=1 ;; r) r=1 ;; v) v=1 ;; m) m=1 ;; p) p=1 ;; o) s=1 ;;
            *) echo "uname: illegal option -- $c" >&2; echo "usage: uname [-amnoprsv]" >&2; exit 1 ;;
          esac
        done ;;
    *) echo "usage: uname [-amnoprsv]" >&2; exit 1 ;;
  esac
done
out=
[ $s = 1 ] && out="$out Darwin"
[ $n = 1 ] && out="$out $(hostname)"
[ $r = 1 ] && out="$out 23.6.0"
[ $v = 1 ] && out="$out Darwin Kernel Version 23.6.0: Mon Jul 29 21:14:30 PDT 2024; root:xnu-10063.141.2~1/RELEASE_ARM64_T6000"
[ $m = 1 ] && out="$out arm64"
[ $p = 1 ] && out="$out arm"
echo "${out# }"
EOF
  cat > "$d/stat" <<'EOF'
#!/bin/sh
# fleetlab macOS-like host: BSD stat. -f FORMAT is translated to GNU stat -c; -c (GNU only)
# fails as it does on macOS.
fmt='%d %i %Sp %l %Su %Sg %r %z "%Sa" "%Sm" "%Sc" "%SB" %k %b %N'
L=
while [ $# -gt 0 ]; do
  case $1 in
    -f) [ $# -ge 2 ] || { echo "stat: option requires an argument -- f" >&2; exit 1; }
        fmt=$2; shift 2 ;;
    -L) L=-L; shift ;;
    --) shift; break ;;
    -*) echo "stat: illegal option -- ${1#-}" >&2
        echo "usage: stat [-FLnq] [-f format | -l | -r | -s | -x] [-t timefmt] [file|handle ...]" >&2
        exit 1 ;;
    *) break ;;
  esac
done
# One pass, so that a translated %a is not translated again.
gnu=$(printf '%s' "$fmt" | perl -pe 'my %m = (Lp => "%a", Sp => "%A", Su => "%U", Sg => "%G",
  Sa => "%x", Sm => "%y", Sc => "%z", SB => "%w", z => "%s", m => "%Y", a => "%X", c => "%Z",
  l => "%h", k => "%o", N => "%n", r => "%t", d => "%d", i => "%i", u => "%u", g => "%g",
  b => "%b", "%" => "%%");
  s/%(Lp|Sp|Su|Sg|Sa|Sm|Sc|SB|[zmaclkNrdiugb%])/$m{$1}/g')
exec /usr/bin/stat $L -c "$gnu" -- "$@"
EOF
  cat > "$d/sysctl" <<'EOF'
#!/bin/sh
# fleetlab macOS-like host: the few sysctl names a probe reads, in macOS's format.
n=0
[ "${1-}" = -n ] && { n=1; shift; }
[ $# -ge 1 ] || { echo "usage: sysctl [-n] name ..." >&2; exit 1; }
for name in "$@"; do
  case $name in
    kern.boottime)
      boot=$(( $(date +%s) - $(cut -d. -f1 /proc/uptime) ))
      v="{ sec = $boot, usec = 0 } $(date -u -d "@$boot" '+%a %b %e %H:%M:%S %Y')" ;;
    kern.hostname) v=$(hostname) ;;
    kern.ostype) v=Darwin ;;
    kern.osrelease) v=23.6.0 ;;
    hw.ncpu) v=$(nproc) ;;
    *) echo "sysctl: unknown oid '$name'" >&2; exit 1 ;;
  esac
  if [ $n = 1 ]; then echo "$v"; else echo "$name: $v"; fi
done
EOF
  cat > "$d/shasum" <<'EOF'
#!/bin/sh
# fleetlab macOS-like host: shasum [-a 1|224|256|384|512] [FILE...], output as sha256sum's.
a=1
while [ $# -gt 0 ]; do
  case $1 in
    -a) a=${2-}; shift 2 ;;
    -a*) a=${1#-a}; shift ;;
    --) shift; break ;;
    -*) echo "shasum: unsupported option $1 (fleetlab fake)" >&2; exit 1 ;;
    *) break ;;
  esac
done
case $a in 1|224|256|384|512) exec "/usr/bin/sha${a}sum" "$@" ;; esac
echo "shasum: Unrecognized algorithm" >&2; exit 1
EOF
  cat > "$d/wc" <<'EOF'
#!/bin/sh
# fleetlab macOS-like host: BSD wc pads counts read from stdin to 8 columns.
if [ $# -eq 1 ] && { [ "$1" = -c ] || [ "$1" = -l ]; }; then
  printf '%8s\n' "$(/usr/bin/wc "$1")"
else
  exec /usr/bin/wc "$@"
fi
EOF
  local gnu
  for gnu in sha256sum sha1sum sha512sum md5sum; do   # coreutils names a Mac does not have
    printf '#!/bin/sh\necho "sh: %s: command not found" >&2\nexit 127\n' "$gnu" > "$d/$gnu"
  done
  chmod 755 "$d"/*
}

# ------------------------------------------------------------------- hosts

# host_spec NAME -> KIND ADDR ; hostK is "normal", macK "macos", specials as listed in SPECIALS.
host_spec() {
  local name=$1 i
  if [[ $name =~ ^host([1-9][0-9]*)$ ]]; then
    i=${BASH_REMATCH[1]}
    KIND=normal ADDR=$FLEETLAB_NET.$((i / 256)).$((i % 256)); return
  fi
  if [[ $name =~ ^mac([1-9][0-9]*)$ ]] && ((BASH_REMATCH[1] <= 250)); then
    KIND=macos ADDR=$FLEETLAB_NET.254.${BASH_REMATCH[1]}; return
  fi
  for i in "${!SPECIALS[@]}"; do
    if [[ ${SPECIALS[i]} == "$name" ]]; then
      KIND=$name ADDR=$FLEETLAB_NET.255.$((i + 1)); return
    fi
  done
  die "unknown host name $name"
}

runs_sshd() { [[ $1 != unreachable && $1 != hang && $1 != blackhole ]]; }

# host_env HOSTDIR -> H_NAME H_KIND H_ADDR, from HOSTDIR/host.env (no subshell).
host_env() {
  local k v
  H_NAME='' H_KIND='' H_ADDR=''
  while IFS='=' read -r k v; do
    case $k in NAME | KIND | ADDR) printf -v "H_$k" '%s' "$v" ;; esac
  done < "$1/host.env"
}

# Create DIR/hosts/NAME with its private dirs, identity and seed files.
host_create() {
  local lab=$1 name=$2 h=$1/hosts/$2 k roles u=$FLEETLAB_USER
  host_spec "$name"
  mkdir -p "$h/run"
  printf 'NAME=%s\nKIND=%s\nADDR=%s\n' "$name" "$KIND" "$ADDR" > "$h/host.env"
  runs_sshd "$KIND" || return 0

  mkdir -p "$h"/{etc,var,opt}.{upper,work} "$h/etc.upper/ssh/fleetlab.d" "$h/root" "$h/home/$u" "$h/tmp"
  chmod 700 "$h/root"; chmod 1777 "$h/tmp"
  echo "$name" > "$h/etc.upper/hostname"
  { cat /etc/hosts; echo "$ADDR $name"; } > "$h/etc.upper/hosts"   # else sudo: "unable to resolve host"
  ssh-keygen -q -t ed25519 -N '' -C "root@$name" -f "$h/etc.upper/ssh/fleetlab_host_ed25519_key"
  {
    echo "ListenAddress $ADDR:$FLEETLAB_PORT"
    [[ $KIND == slow ]] && echo "ForceCommand /etc/fleetlab/slow-command $FLEETLAB_SLOW_SECONDS"
  } > "$h/etc.upper/ssh/fleetlab.d/host.conf"

  if [[ $KIND != noauth ]]; then
    for k in "$h/root" "$h/home/$u"; do
      mkdir -m 700 "$k/.ssh"
      install -m 600 "$lab/client/id_ed25519.pub" "$k/.ssh/authorized_keys"
    done
  fi
  chown -R "$FLEETLAB_UID:$FLEETLAB_UID" "$h/home/$u"
  if [[ $KIND == nosudo ]]; then      # replaces /etc/sudoers: no rule for anyone, no includes
    printf 'Defaults env_reset\n' > "$h/etc.upper/sudoers"; chmod 0440 "$h/etc.upper/sudoers"
  fi

  # Default role: round robin over FLEETLAB_ROLES by host number (specials: first role).
  read -r -a roles <<< "$FLEETLAB_ROLES"
  k=1; [[ $name =~ ^host([0-9]+)$ ]] && k=${BASH_REMATCH[1]}
  echo "${roles[(k - 1) % ${#roles[@]}]}" > "$h/etc.upper/puppet_role"

  if [[ $KIND == macos ]]; then
    echo "$FLEETLAB_MAC_ROLE" > "$h/etc.upper/puppet_role"
    # gid 0 is "wheel" on macOS: stat shows root-owned files as root:wheel.
    sed 's/^root:x:0:.*/wheel:x:0:root/' "$lab/common/etc/group" > "$h/etc.upper/group"
    mkdir -p -m 700 "$h/var.upper/root"                  # root's home, where the vault lives
    mkdir -p -m 755 "$h/opt.upper/puppet_environments"   # override and Puppet run metadata
  fi

  # Seeds given by the caller: DIR/seed/all then DIR/seed/NAME.
  local s d
  for s in "$lab/seed/all" "$lab/seed/$name"; do
    [[ -d $s ]] || continue
    for d in "$s"/*; do
      [[ -e $d ]] || continue
      case ${d##*/} in
        etc|var|opt)        cp -a "$d/." "$h/${d##*/}.upper/" ;;
        root|home|tmp)      cp -a "$d/." "$h/${d##*/}/" ;;
        *) die "seed $d: top-level dir must be one of etc var opt root home tmp" ;;
      esac
    done
  done
}

# /proc/PID/stat: field 3 (state) and field 22 (start time, clock ticks since boot).
proc_state_start() {
  local s
  { s=$(< "/proc/$1/stat"); } 2>/dev/null || return 1
  s=${s##*) }
  read -r -a f <<< "$s"
  echo "${f[0]} ${f[19]}"
}

# alive PID START: PID runs (not a zombie) and is the very process we started.
alive() {
  local ss
  [[ -n ${1-} && -n ${2-} ]] || return 1
  ss=$(proc_state_start "$1") || return 1
  [[ ${ss% *} != Z && ${ss#* } == "$2" ]]
}

# host_up NAME: is the host's recorded unshare process still ours and running?
host_up() {
  local h=$1 upid ustart rest
  [[ -f $h/pid ]] || return 1
  read -r upid ustart rest < "$h/pid"
  alive "$upid" "$ustart"
}

# Start the host in the background; its PID file is completed by wait_ready.
host_start() {
  local lab=$1 name=$2 h=$1/hosts/$2 kind flags
  host_env "$h"; kind=$H_KIND
  [[ $kind == unreachable ]] && return 0
  rm -rf "${h:?}/run" && mkdir -m 755 "$h/run"      # a fresh /run, as after a boot
  flags=(--fork --pid --kill-child=KILL --mount --propagation private)
  if runs_sshd "$kind"; then
    flags+=(--mount-proc --uts)
    if [[ $FLEETLAB_UPTIME_STEP != 0 ]]; then
      local k=0; [[ $name =~ ^(host|mac)([0-9]+)$ ]] && k=${BASH_REMATCH[2]}
      flags+=(--time --boottime "$((k % 1000 * FLEETLAB_UPTIME_STEP))")   # kernel caps offsets
    fi
  fi
  # setsid: own session, immune to the caller's Ctrl-C/process-group kills. stdio to a
  # file, so a caller reading our stdout (e.g. Java's Process) is not held open; 9>&-:
  # the host must not inherit the lab lock.
  setsid unshare "${flags[@]}" -- "$lab/bin/fleetlab-host" "$h" < /dev/null > "$h/console.log" 2>&1 9>&- &
  echo "$!" > "$h/pid.starting"
}

# Wait until every starting host listens; then write "UPID USTART CPID CSTART" to its pid.
wait_ready() {
  local lab=$1 deadline=$((SECONDS + FLEETLAB_START_TIMEOUT)) h pid cpid ss css pending bad=0
  while :; do
    pending=0
    for h in "$lab"/hosts/*/; do
      h=${h%/}
      [[ -f $h/pid.starting ]] || continue
      pid=$(< "$h/pid.starting")
      if [[ -f $h/run/sshd.pid || -f $h/run/ready ]]; then
        [[ $(< "/proc/$pid/comm") == unshare ]] || die "$h: pid $pid is not unshare (setsid forked?)"
        cpid=$(< "/proc/$pid/task/$pid/children"); cpid=${cpid%% *}
        # "STATE START" of each, read once (START is empty if the process is already gone).
        ss=$(proc_state_start "$pid") || true
        css=$(proc_state_start "$cpid") || true
        echo "$pid ${ss#* } $cpid ${css#* }" > "$h/pid"
        rm -f "$h/pid.starting"
      elif ! ss=$(proc_state_start "$pid") || [[ ${ss% *} == Z ]]; then
        note "${h##*/} failed to start:"; tail -q -n 3 "$h/console.log" "$h/run/sshd.log" >&2 2>/dev/null || true
        rm -f "$h/pid.starting"; bad=1
      else
        pending=$((pending + 1))
      fi
    done
    ((pending == 0)) && break
    ((SECONDS < deadline)) || die "$pending hosts not listening after ${FLEETLAB_START_TIMEOUT}s"
    sleep 0.05
  done
  ((bad == 0)) || die "some hosts failed, see above; the others run: '$PROG down DIR' stops them." \
    "(Address in use? Labs running at the same time need different FLEETLAB_NET.)"
}

# Send SIGKILL to a host's processes: the unshare we started and its child, PID 1 of the
# host's PID namespace (when that dies, the kernel kills every other process of the host).
# PIDs are only signalled while their start time still matches the PID file.
host_kill() {
  local h=$1 upid ustart cpid cstart
  if [[ -f $h/pid.starting ]]; then        # an interrupted `up`: only the unshare pid is known
    upid=$(< "$h/pid.starting")
    if [[ $(tr '\0' ' ' 2>/dev/null < "/proc/$upid/cmdline") == "unshare "*" $h " ]]; then
      kill -KILL "$upid" 2>/dev/null || true   # --kill-child then KILLs its child
    fi
    rm -f "$h/pid.starting"
  fi
  [[ -f $h/pid ]] || return 0
  read -r upid ustart cpid cstart < "$h/pid"
  if alive "${cpid-}" "${cstart-}"; then kill -KILL "$cpid" 2>/dev/null || true; fi
  if alive "$upid" "$ustart"; then kill -KILL "$upid" 2>/dev/null || true; fi
}

# Wait until the killed hosts' processes are gone; then remove their PID files.
hosts_reap() {
  local h upid ustart cpid cstart i left=()
  for ((i = 0; i < 200; i++)); do
    left=()
    for h in "$@"; do
      [[ -f $h/pid ]] || continue
      read -r upid ustart cpid cstart < "$h/pid"
      if alive "$upid" "$ustart" || alive "${cpid-}" "${cstart-}"; then left+=("${h##*/}"); else rm -f "$h/pid"; fi
    done
    ((${#left[@]} == 0)) && return 0
    sleep 0.05
  done
  die "still alive 10s after SIGKILL: ${left[*]}"
}

host_stop() { host_kill "$1"; hosts_reap "$1"; }

# ------------------------------------------------------------- client side

write_client_config() {
  local lab=$1 h hk key kt rest
  : > "$lab/known_hosts.new"
  {
    echo "# fleetlab ssh_config: ssh -F $lab/ssh_config HOST CMD   (root: ssh -F ... root@HOST)"
    for h in "$lab"/hosts/*/; do
      h=${h%/}; host_env "$h"
      printf 'Host %s\n  HostName %s\n  Port %s\n' "$H_NAME" "$H_ADDR" "$FLEETLAB_PORT"
      # known_hosts: "[addr]:port keytype key" (plain "addr" for port 22)
      if [[ -f $h/etc.upper/ssh/fleetlab_host_ed25519_key.pub ]]; then
        hk=$H_ADDR; [[ $FLEETLAB_PORT == 22 ]] || hk="[$H_ADDR]:$FLEETLAB_PORT"
        read -r kt key rest < "$h/etc.upper/ssh/fleetlab_host_ed25519_key.pub"
        echo "$hk $kt $key" >> "$lab/known_hosts.new"
      fi
    done
    cat <<EOF
Host *
  User $FLEETLAB_USER
  IdentityFile $lab/client/id_ed25519
  IdentitiesOnly yes
  IdentityAgent none
  BatchMode yes
  UserKnownHostsFile $lab/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  LogLevel ERROR
  ConnectTimeout 5
EOF
  } > "$lab/ssh_config.new"
  mv -f "$lab/known_hosts.new" "$lab/known_hosts"
  mv -f "$lab/ssh_config.new" "$lab/ssh_config"
}

# ---------------------------------------------------------------- commands

cmd_up() {
  (($# == 2)) || usage 2
  local n=$1 lab name h want=() i t0=$SECONDS
  if ! [[ $n =~ ^[0-9]+$ ]] || ((n > 65000)); then die "N must be 0..65000"; fi
  check_env
  lab=$(lab_path "$2")
  lock_lab "$lab"
  load_settings "$lab"
  lab_init "$lab"

  for ((i = 1; i <= n; i++)); do want+=("host$i"); done
  for ((i = 1; i <= FLEETLAB_MACS; i++)); do want+=("mac$i"); done
  [[ $FLEETLAB_SPECIALS == 1 ]] && want+=("${SPECIALS[@]}")
  local -A wanted=()
  for name in "${want[@]}"; do wanted[$name]=1; done

  # Hosts no longer wanted: stop and delete.
  local gone=()
  for h in "$lab"/hosts/*/; do
    h=${h%/}
    [[ -n ${wanted[${h##*/}]-} ]] && continue
    host_kill "$h"; gone+=("$h")
  done
  if ((${#gone[@]})); then hosts_reap "${gone[@]}"; rm -rf "${gone[@]}"; fi
  # Wanted hosts: create if new (or if the address/kind changed), start if not running.
  local started=0 kept=0
  for name in "${want[@]}"; do
    h=$lab/hosts/$name
    host_spec "$name"
    if [[ -f $h/host.env ]]; then
      host_env "$h"
      if [[ $H_ADDR != "$ADDR" || $H_KIND != "$KIND" ]]; then host_stop "$h"; rm -rf "${h:?}"; fi
    fi
    [[ -f $h/host.env ]] || host_create "$lab" "$name"
    [[ $KIND == unreachable ]] && continue
    if host_up "$h"; then kept=$((kept + 1)); continue; fi
    host_stop "$h"            # clears a stale PID file (a host killed from outside)
    host_start "$lab" "$name"; started=$((started + 1))
  done
  wait_ready "$lab"
  write_client_config "$lab"

  echo "fleetlab: ${#want[@]} hosts in $lab ($started started, $kept already running) in $((SECONDS - t0))s"
  local me; me=$(realpath "$0")
  cat <<EOF
  ssh -F $lab/ssh_config host1 'hostname; cat /etc/puppet_role'
  echo 'cat /root/vault.yaml' | ssh -F $lab/ssh_config host1 'sudo -n sh -s'
  ssh -F $lab/ssh_config root@host1 true        # root login works too
  $me exec $lab host1 cat /etc/puppet_role   # no ssh, as root inside host1
  failure hosts: unreachable blackhole hang slow nosudo noauth; macOS-like: mac1..mac$FLEETLAB_MACS
  stop: $me down $lab
EOF
}

cmd_down() {
  (($# == 1)) || usage 2
  local lab h hs=()
  lab=$(lab_path "$1")
  is_lab "$lab" || die "$lab is not a fleetlab dir"
  lock_lab "$lab"
  for h in "$lab"/hosts/*/; do
    h=${h%/}; [[ -f $h/pid || -f $h/pid.starting ]] || continue
    host_kill "$h"; hs+=("$h")          # kill all first, then wait: teardowns overlap
  done
  ((${#hs[@]} == 0)) || hosts_reap "${hs[@]}"
  echo "fleetlab: stopped ${#hs[@]} hosts in $lab"
}

cmd_status() {
  (($# == 1)) || usage 2
  local lab h state
  lab=$(lab_path "$1")
  is_lab "$lab" || die "$lab is not a fleetlab dir"
  load_settings "$lab"
  for h in "$lab"/hosts/*/; do
    h=${h%/}; host_env "$h"
    if [[ $H_KIND == unreachable ]]; then state="no listener (by design)"
    elif host_up "$h"; then state="up (unshare pid $(cut -d' ' -f1 "$h/pid"))"
    else state=down; fi
    printf '%-12s %-12s %-22s %s\n' "$H_NAME" "$H_KIND" "$H_ADDR:$FLEETLAB_PORT" "$state"
  done
}

cmd_exec() {
  (($# >= 3)) || usage 2
  local lab h upid ustart cpid cstart
  lab=$(lab_path "$1"); h=$lab/hosts/$2; shift 2
  [[ -f $h/host.env ]] || die "no host ${h##*/} in $lab"
  host_env "$h"
  runs_sshd "$H_KIND" || die "${h##*/} has no filesystem of its own"
  host_up "$h" || die "${h##*/} is not running"
  read -r upid ustart cpid cstart < "$h/pid"
  local ns=(--mount --uts --pid)
  [[ -e /proc/$cpid/ns/time ]] && ns+=(--time)
  exec nsenter --target "$cpid" "${ns[@]}" --wd=/ -- "$@"
}

cmd_purge() {
  (($# == 1)) || usage 2
  local lab
  lab=$(lab_path "$1")
  [[ -e $lab ]] || return 0
  is_lab "$lab" || die "$lab is not a fleetlab dir"
  cmd_down "$lab"
  rm -rf "${lab:?}"
}

case ${1-} in
  up|down|status|exec|purge) c=$1; shift; "cmd_$c" "$@" ;;
  -h|--help|help) usage 0 ;;
  *) usage 2 ;;
esac
