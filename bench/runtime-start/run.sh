#!/bin/bash
# Start latency of `berth run` against `runc run`, on the same busybox rootfs, in one run.
#
# Latency is measured from spawning the CLI to the first byte the container's command writes
# (`sh -c 'echo ready'`), i.e. "run -> user command running", as seen by the caller; the time to
# exit (teardown included) is reported too. Both runtimes get the same rootfs directory, new
# pid/mount/uts/ipc/net namespaces, a fresh cgroup and no terminal:
#   runc:  a bundle from `runc spec` with terminal=false, root.path = the rootfs, readonly=false,
#          args = sh -c 'echo ready'; `runc run --bundle B ID` (runc removes the container on exit)
#   berth: bin/berth run --rm --rootfs R -- sh -c 'echo ready' (foreground; --rm removes state)
# berth is a JVM program, so each of its runs includes JVM start-up; the "warm" figure (the same
# start through the runtime library inside one JVM, see WarmStart.java) shows the runtime alone.
#
# Needs root, runc, /bin/busybox (busybox-static), python3, jq, a built berth (./mvnw -q
# -DskipTests package). Everything made here (temp dir, cgroups, state) is removed on exit.
# Usage: bench/runtime-start/run.sh [iterations]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bench=$(cd "$(dirname "$0")" && pwd)
n=${1:-20}
[ "$(id -u)" = 0 ] || { echo "run.sh: needs root" >&2; exit 1; }
for tool in runc jq python3 /bin/busybox; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found" >&2; exit 1; }
done
[ -f "$here/tui/target/berth.jar" ] || { echo "run.sh: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

tmp=$(mktemp -d /tmp/berth-bench-start.XXXXXX)
parent="berth-bench-start-$$"
cleanup() {
  for h in /sys/fs/cgroup/*/; do
    [ -d "$h$parent" ] && find "$h$parent" -depth -mindepth 0 -type d -exec rmdir {} \; 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# the rootfs: static busybox and its applet links
root="$tmp/rootfs"
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/etc" "$root/tmp"
cp /bin/busybox "$root/bin/busybox"
for a in $("$root/bin/busybox" --list); do [ "$a" = busybox ] || ln -s busybox "$root/bin/$a"; done

# the runc bundle
bundle="$tmp/bundle"
mkdir -p "$bundle"
(cd "$bundle" && runc spec)
jq --arg root "$root" '.process.terminal = false | .process.args = ["sh", "-c", "echo ready"]
    | .root = {path: $root, readonly: false}' "$bundle/config.json" > "$bundle/config.tmp"
mv "$bundle/config.tmp" "$bundle/config.json"

runc_times="$tmp/runc.txt"
berth_times="$tmp/berth.txt"
# one warm-up each (page cache, helper extraction), then the measured runs, interleaved in blocks
python3 "$bench/first-byte.py" 1 -- runc run --bundle "$bundle" "bench-warm-$$" >/dev/null
BERTH_STATE_DIR="$tmp/state" BERTH_CGROUP_PARENT="$parent" \
  python3 "$bench/first-byte.py" 1 -- "$here/bin/berth" run --rm --rootfs "$root" -- sh -c 'echo ready' >/dev/null
for i in $(seq 1 "$n"); do
  python3 "$bench/first-byte.py" 1 -- runc run --bundle "$bundle" "bench-$$-$i" >> "$runc_times"
  BERTH_STATE_DIR="$tmp/state" BERTH_CGROUP_PARENT="$parent" \
    python3 "$bench/first-byte.py" 1 -- "$here/bin/berth" run --rm --rootfs "$root" -- sh -c 'echo ready' >> "$berth_times"
done

warm="$tmp/warm.txt"
cp="$here/tui/target/berth.jar:$(ls "$here"/tui/target/lib/*.jar | tr '\n' ':')"
java -cp "$cp" "$bench/WarmStart.java" "$n" "$root" "$tmp/warm-state" "$parent/warm" "$warm" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
r_first=$(cut -d' ' -f1 "$runc_times" | median); r_exit=$(cut -d' ' -f2 "$runc_times" | median)
b_first=$(cut -d' ' -f1 "$berth_times" | median); b_exit=$(cut -d' ' -f2 "$berth_times" | median)
w_first=$(cut -d' ' -f1 "$warm" | median); w_exit=$(cut -d' ' -f2 "$warm" | median)
printf 'runtime start latency, busybox rootfs, %d runs each, medians in ms\n' "$n"
printf '%-34s %12s %12s\n' "" "to running" "to exited"
printf '%-34s %12s %12s\n' "runc run" "$r_first" "$r_exit"
printf '%-34s %12s %12s\n' "berth run (CLI, incl. JVM start)" "$b_first" "$b_exit"
printf '%-34s %12s %12s\n' "berth runtime (warm JVM)" "$w_first" "$w_exit"
awk -v b="$b_first" -v r="$r_first" -v w="$w_first" 'BEGIN {
  printf "ratio berth/runc to running: CLI %.2fx, warm %.2fx\n", b / r, w / r }'
