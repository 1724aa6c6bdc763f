# fleetroll write, protocol 1: replaces (set) or removes (unset) one file atomically, as root
# under one `sudo -n sh -s`; POSIX sh (dash, bash, macOS sh).
#
# All work happens in functions called from the script's very last line. A shell running a
# script from stdin executes each command as soon as it has read it, so a script cut short
# in transit (ssh killed, connection lost) must not hold any complete command that changes
# anything: here it ends inside an unfinished function (a syntax error) or before the call.
#
# Set by the caller above this text: FW_ACTION (set|unset), FW_PATH_LINUX, FW_PATH_DARWIN,
# FW_MODE, FW_OWNER, FW_GROUP ('' = root on Linux, wheel on macOS), FW_FORCE, FW_BACKUP,
# FW_SUFFIX, FW_KEEP, FW_LOCK_WAIT, and for set FW_BYTES, FW_SHA256 and the function
# fleetroll_payload, which prints the new contents from printf escapes: binary-safe, and never
# in an argument where `ps` would show it (printf is a shell builtin).
#
# Output: "FLEETROLL_WRITE 1", then KEY=VALUE lines; RESULT= is one of changed, unchanged,
# refused, removed, absent. A failure prints ERROR= and exits 3. Messages never hold contents.

fw_say() { printf '%s\n' "$1"; }

fw_fail() {
  printf 'ERROR=%s\n' "$1"
  printf 'fleetroll: %s\n' "$1" >&2
  exit 3
}

# macOS has shasum, Linux sha256sum (the same tools as the probe's).
fw_sha() {
  if [ "$fw_os" = Darwin ]; then shasum -a 256 < "$1"; else sha256sum < "$1"; fi 2>/dev/null | awk '{print $1}'
}

# Runs on every exit, also after HUP, INT or TERM: no temp file and no lock of ours survives.
fw_cleanup() {
  [ -z "$fw_tmp" ] || rm -f "$fw_tmp"
  if [ -n "$fw_locked" ] && [ "$(readlink "$fw_locked" 2>/dev/null)" = "$$" ]; then rm -f "$fw_locked"; fi
}

# One fleetroll write per directory at a time, so that "is the current file different?" and
# the rename happen as one step: of two concurrent writers, the second sees the first's file.
# Linux: flock(1) on the directory itself, released by the kernel however we die, and no
# lock file to leave behind. macOS has no flock(1): a symlink whose target is our pid, made
# atomically by ln -s; a lock whose pid is gone (its writer was killed) is taken over.
fw_lock() {
  if [ "$fw_os" != Darwin ] && command -v flock >/dev/null 2>&1; then
    exec 9<"$fw_dir" || fw_fail "cannot open $fw_dir"
    flock -w "$FW_LOCK_WAIT" 9 || fw_fail "another fleetroll write held $fw_dir for ${FW_LOCK_WAIT}s"
    return 0
  fi
  fw_lockname=$fw_dir/.$fw_base.fleetroll-lock
  fw_waited=0
  while ! ln -s "$$" "$fw_lockname" 2>/dev/null; do
    fw_holder=$(readlink "$fw_lockname" 2>/dev/null)
    if [ -n "$fw_holder" ] && ! kill -0 "$fw_holder" 2>/dev/null; then
      rm -f "$fw_lockname"
      continue
    fi
    fw_waited=$((fw_waited + 1))
    [ "$fw_waited" -le "$FW_LOCK_WAIT" ] ||
      fw_fail "another fleetroll write held $fw_lockname for ${FW_LOCK_WAIT}s (pid $fw_holder)"
    sleep 1
  done
  fw_locked=$fw_lockname
}

fw_regular_or_absent() {
  if [ -L "$fw_path" ] || { [ -e "$fw_path" ] && [ ! -f "$fw_path" ]; }; then
    fw_fail "$fw_path is not a regular file (a link or a directory); not touched"
  fi
}

# $1 = link: the backup is a hard link to the current file, so it costs no copy and no space
# (a full disk does not stop it) and keeps the file's mode, owner and mtime; cp -p where a
# link is impossible. $1 = move: the file itself is renamed to the backup (unset).
fw_backup() {
  fw_bak=$fw_path.bak.$FW_SUFFIX
  fw_i=1
  while [ -e "$fw_bak" ] || [ -L "$fw_bak" ]; do # two writes in one second keep both backups
    fw_i=$((fw_i + 1))
    fw_bak=$fw_path.bak.$FW_SUFFIX-$fw_i
  done
  if [ "$1" = move ]; then
    mv "$fw_path" "$fw_bak" || fw_fail "cannot move $fw_path to $fw_bak"
  elif ! ln "$fw_path" "$fw_bak" 2>/dev/null; then
    cp -p "$fw_path" "$fw_bak" 2>/dev/null || {
      rm -f "$fw_bak"
      fw_fail "cannot back up $fw_path to $fw_bak (file system full?)"
    }
  fi
  fw_say "BACKUP=$fw_bak"
}

# Keeps the newest FW_KEEP backups that fleetroll named (<path>.bak.YYYYmmddTHHMMSSZ[-N]); the
# glob lists them oldest first. Backups named otherwise are the operator's and stay.
fw_prune() {
  fw_pattern=$fw_path.bak.[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z
  fw_count=0
  for fw_f in $fw_pattern $fw_pattern-*; do
    [ -f "$fw_f" ] && fw_count=$((fw_count + 1))
  done
  for fw_f in $fw_pattern $fw_pattern-*; do
    [ "$fw_count" -gt "$FW_KEEP" ] || break
    [ -f "$fw_f" ] || continue
    rm -f "$fw_f" && fw_count=$((fw_count - 1))
  done
}

fw_set() {
  fw_tmp=$(mktemp "$fw_dir/.$fw_base.fleetroll-XXXXXX" 2>/dev/null) || fw_fail "cannot create a temp file in $fw_dir"
  fleetroll_payload > "$fw_tmp" 2>/dev/null ||
    fw_fail "cannot write the new contents in $fw_dir (file system full?)"
  fw_n=$(wc -c < "$fw_tmp" | tr -d ' ')
  [ "$fw_n" = "$FW_BYTES" ] || fw_fail "wrote $fw_n of $FW_BYTES bytes in $fw_dir (file system full?)"
  [ "$(fw_sha "$fw_tmp")" = "$FW_SHA256" ] || fw_fail "the new contents arrived damaged (sha256 differs)"
  chown "$FW_OWNER:$fw_group" "$fw_tmp" || fw_fail "cannot give the new file to $FW_OWNER:$fw_group"
  chmod "$FW_MODE" "$fw_tmp" || fw_fail "cannot set mode $FW_MODE on the new file"
  # Flush before the rename makes the contents the file: after a crash it holds the old or
  # the new contents, never a hole. GNU sync takes a file; elsewhere sync flushes everything.
  sync "$fw_tmp" 2>/dev/null || sync
  fw_lock
  fw_regular_or_absent
  if [ -f "$fw_path" ]; then
    if cmp -s "$fw_tmp" "$fw_path"; then
      chown "$FW_OWNER:$fw_group" "$fw_path" && chmod "$FW_MODE" "$fw_path" ||
        fw_fail "cannot set owner $FW_OWNER:$fw_group and mode $FW_MODE on $fw_path"
      fw_say "RESULT=unchanged"
      return 0
    fi
    if [ "$FW_FORCE" != 1 ]; then
      fw_say "EXISTING_SHA256=$(fw_sha "$fw_path")"
      printf 'fleetroll: %s has other contents; not replaced without --force\n' "$fw_path" >&2
      fw_say "RESULT=refused"
      return 0
    fi
    [ "$FW_BACKUP" != 1 ] || fw_backup link
  fi
  mv -f "$fw_tmp" "$fw_path" || fw_fail "cannot rename the new file over $fw_path"
  fw_tmp=
  [ "$FW_BACKUP" != 1 ] || fw_prune
  fw_say "RESULT=changed"
}

fw_unset() {
  fw_lock
  fw_regular_or_absent
  if [ ! -f "$fw_path" ]; then
    fw_say "RESULT=absent"
    return 0
  fi
  if [ "$FW_BACKUP" = 1 ]; then
    fw_backup move
    fw_prune
  else
    rm -f "$fw_path" || fw_fail "cannot remove $fw_path"
  fi
  fw_say "RESULT=removed"
}

fleetroll_write() {
  LC_ALL=C
  export LC_ALL
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  export PATH
  umask 077
  fw_tmp=
  fw_locked=
  trap fw_cleanup EXIT
  trap 'exit 129' HUP
  trap 'exit 130' INT
  trap 'exit 143' TERM
  # If the connection goes, finish (or roll back) what was started rather than die between
  # two steps; output then goes nowhere, which is fine.
  trap '' PIPE
  fw_say "FLEETROLL_WRITE 1"
  fw_os=$(uname -s 2>/dev/null)
  fw_say "OS=$fw_os"
  if [ "$fw_os" = Darwin ]; then
    fw_path=$FW_PATH_DARWIN
    fw_group=${FW_GROUP:-wheel}
  else
    fw_path=$FW_PATH_LINUX
    fw_group=${FW_GROUP:-root}
  fi
  fw_dir=${fw_path%/*}
  fw_base=${fw_path##*/}
  fw_say "TARGET=$fw_path"
  case $FW_ACTION in
    set)
      [ -d "$fw_dir" ] || fw_fail "no directory $fw_dir on the host"
      fw_say "GROUP=$fw_group"
      fw_set
      ;;
    unset)
      if [ -d "$fw_dir" ]; then fw_unset; else fw_say "RESULT=absent"; fi
      ;;
    *) fw_fail "unknown action $FW_ACTION" ;;
  esac
  exit 0
}
