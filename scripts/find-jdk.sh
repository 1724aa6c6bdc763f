# Sourced by ./fleetroll and ./run-tests: find_jdk sets jdk to the home of a JDK >= 21 — JAVA_HOME if
# it qualifies, else the newest under /usr/lib/jvm (or macOS's JavaVirtualMachines) — and jdk_feature
# to its feature version. Both functions answer in variables, not on stdout: reading an answer with
# $(...) forks a subshell, about a millisecond each, and the launcher runs this before every command.

# java_feature DIR: sets REPLY to the JDK's feature version (25), read from DIR/release without
# starting a JVM (nor sed); returns 1, with REPLY empty, when DIR is not a JDK.
java_feature() {
  local line
  REPLY=''
  [[ -x $1/bin/java && -f $1/release ]] || return 1
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
      REPLY=${BASH_REMATCH[1]}
      return 0
    fi
  done < "$1/release"
  return 1
}

find_jdk() {
  local d
  jdk='' jdk_feature=0
  if [[ -n ${JAVA_HOME-} ]] && java_feature "$JAVA_HOME" && ((REPLY >= 21)); then
    jdk=$JAVA_HOME jdk_feature=$REPLY
    return 0
  fi
  for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -L $d ]] && continue   # Debian's version aliases point at the same JDKs
    java_feature "$d" || continue
    if ((REPLY >= 21 && REPLY > jdk_feature)); then jdk=$d jdk_feature=$REPLY; fi
  done
  if [[ -z $jdk ]]; then
    echo "fleetroll: no JDK 21 or newer found (set JAVA_HOME; see README.md, Prerequisites)" >&2
    return 1
  fi
}

# maven_opts FEATURE -> MAVEN_OPTS for Maven 3.8 on that JDK: JDK 24+ warns at every start that
# Maven's bundled Guava uses sun.misc.Unsafe; the flag (unknown before JDK 23) silences it.
maven_opts() {
  if (($1 >= 24)); then echo "${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; else echo "${MAVEN_OPTS-}"; fi
}
