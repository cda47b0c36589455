#!/usr/bin/env bash
# Sourced by the launcher and the test scripts: exports JAVA_HOME as a JDK >= 21 and puts it first
# on PATH. Looks at JAVA_HOME, then the java on PATH, then /usr/lib/jvm/*, newest first.
smbscope_java_major() { # JAVA_HOME-like dir -> major version, or nothing
  local v
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
  v=${v#1.}
  [ -n "$v" ] && echo "${v%%.*}"
}
smbscope_find_jdk() {
  local cand m
  for cand in "${JAVA_HOME:-}" \
              "$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
              $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV); do
    [ -n "$cand" ] || continue
    m=$(smbscope_java_major "$cand") || continue
    if [ "${m:-0}" -ge 21 ]; then echo "$cand"; return 0; fi
  done
  return 1
}
if jdk=$(smbscope_find_jdk); then
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "smbscope: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+" >&2
  return 1 2>/dev/null || exit 1
fi
