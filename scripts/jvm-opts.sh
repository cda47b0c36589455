#!/usr/bin/env bash
# Sourced by the launcher and bench/run: JVM options for one smbscope subcommand (its arguments as given).
# analyze is a short batch job: C1 alone compiles its hot loops soon enough, and C2's compile threads cost more
# CPU than they save there (1 GiB capture: 1.0 s CPU with C2, 0.53 s without; docs/BENCHMARKS.md).
smbscope_command_opts() {
  local a
  for a in "$@"; do
    case $a in
      -*) continue;;
      analyze) echo "-XX:TieredStopAtLevel=1"; return;;
      *) return;;
    esac
  done
}
