# Sourced by ./fleetroll and ./run-tests: find_jdk prints the home of a JDK >= 21 — JAVA_HOME if it
# qualifies, else the newest under /usr/lib/jvm (or macOS's JavaVirtualMachines).

# java_feature DIR -> the JDK's feature version (25), read from DIR/release without starting a JVM
# (nor sed: the launcher runs this for every JDK it looks at, before every command).
java_feature() {
  local line
  [[ -x $1/bin/java && -f $1/release ]] || return 1
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
      echo "${BASH_REMATCH[1]}"
      return 0
    fi
  done < "$1/release"
  return 1
}

find_jdk() {
  local d v best='' best_v=0
  if [[ -n ${JAVA_HOME-} ]] && v=$(java_feature "$JAVA_HOME") && ((v >= 21)); then
    echo "$JAVA_HOME"; return
  fi
  for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -L $d ]] && continue   # Debian's version aliases point at the same JDKs
    v=$(java_feature "$d") || continue
    if ((v >= 21 && v > best_v)); then best=$d best_v=$v; fi
  done
  if [[ -z $best ]]; then
    echo "fleetroll: no JDK 21 or newer found (set JAVA_HOME; see README.md, Prerequisites)" >&2
    return 1
  fi
  echo "$best"
}

# maven_opts FEATURE -> MAVEN_OPTS for Maven 3.8 on that JDK: JDK 24+ warns at every start that
# Maven's bundled Guava uses sun.misc.Unsafe; the flag (unknown before JDK 23) silences it.
maven_opts() {
  if (($1 >= 24)); then echo "${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; else echo "${MAVEN_OPTS-}"; fi
}
