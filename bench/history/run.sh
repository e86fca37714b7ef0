#!/bin/bash
# History benchmarks, in one run (writes bench/history/RESULTS.txt when given --save):
#  1. bytes on disk per container-sample of each candidate encoding, at 100 and 500 containers (synthetic
#     samples, history/src/test/.../EncodingBench.java), the measurement behind the store's format;
#  2. the time to summarise a day of 100 containers at 10 s (berth history --date, cold JVM, user+sys CPU and wall);
#  3. as root: the recorder's CPU per sample at N real cgroups (made under a test parent in every mounted
#     hierarchy, each holding one sleeping process, as the peers harness does, so that atop has the N processes
#     to read that N containers would give it; all removed on exit) next to `atop -w` sampling the same host at
#     the same interval, in the same run, measured after a warm-up (WARMUP, below); and bytes on disk per sample of each.
#     BASELINE_JAR=path/berth.jar adds a second recorder from that jar (another build, e.g. main's) to section 3,
#     sampling the same cgroups into its own store in the same run, for a before/after under the same load;
#     RECORD_JAVA_OPTS adds JVM options to the recorders (e.g. -XX:StartFlightRecording=filename=/tmp/r.jfr).
#     The recorder under test runs with the options bin/berth gives `record` (bin/jvm-options, then
#     bin/jvm-options-record); the baseline with the same two.
#     WARMUP=seconds (default 150) sets the warm-up before the measurement: a recorder runs for days, and its C2
#     reaches its steady state after a few dozen samples (bench/history/RESULTS.txt).
# Usage: bench/history/run.sh [cgroups=500] [seconds=60] [interval=2]   (SECTIONS=3 runs only section 3, etc.)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
n=${1:-500}
secs=${2:-60}
ival=${3:-2}
sections=${SECTIONS:-123}
tmp=$(mktemp -d /tmp/berth-bench-history.XXXXXX)
parent="berth-bench-history-$$"
mounts=()
cleanup() {
  for pid in ${rec_pid:-} ${base_pid:-} ${atop_pid:-} ${sleepers:-}; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for m in "${mounts[@]}"; do
    [ -d "$m/$parent" ] || continue
    for i in $(seq 1 "$n"); do rmdir "$m/$parent/c$i" 2>/dev/null || true; done
    rmdir "$m/$parent" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

[ -f tui/target/berth.jar ] || ./mvnw -q -DskipTests package
./mvnw -q -o -pl history -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$tmp/cp" >/dev/null
cp="history/target/classes:history/target/test-classes:$(cat "$tmp/cp")"
echo "# bench/history/run.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(uname -r), $(nproc) CPUs, $(java -version 2>&1 | head -1)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ $sections == *1* ]]; then
echo; echo "## 1. encodings (synthetic samples, 1080 frames = 3 h at 10 s)"
java -XX:+UseSerialGC -cp "$cp" dev.berth.history.store.EncodingBench 1080 100 500
fi

if [[ $sections == *2* ]]; then
echo; echo "## 2. summarise a day of 100 containers at 10 s"
java -XX:+UseSerialGC -cp "$cp" dev.berth.history.store.DayStore "$tmp/day" 100 8640 10 2026-11-29T00:00:00Z
# The read alone, in a fresh JVM with bin/berth's compiler flags: host-only (what --date does), every container
# parsed past as a skeleton (what it did before the host-only read), every container decoded (--top).
for mode in host skeleton all; do
  java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -cp "$cp" dev.berth.history.store.DayRead \
      "$tmp/day" 2026-11-29T00:00:00Z "$mode"
done
/usr/bin/time -f "berth history --help: %e s wall, %U s user, %S s sys (cold JVM: the fixed cost)" \
  bin/berth history --help >/dev/null
for args in "--date 2026-11-29" "--date 2026-11-29 -c app-10" "--date 2026-11-29 --top cpu"; do
  for run in 1 2 3; do
    /usr/bin/time -f "berth history $args: %e s wall, %U s user, %S s sys (cold JVM)" \
      bin/berth history --store "$tmp/day" $args >/dev/null
  done
done 2>&1
fi

[[ $sections == *3* ]] || exit 0
if [ "$(id -u)" != 0 ] || ! command -v atop >/dev/null; then
  echo; echo "## 3. recorder vs atop -w: skipped (needs root and atop)"; exit 0
fi
echo; echo "## 3. recorder vs atop -w, $n cgroups under a test parent, every ${ival}s for ${secs}s after ${WARMUP:-150}s"
while read -r _ m type _; do
  case "$type" in cgroup|cgroup2) mounts+=("$m") ;; esac
done < /proc/self/mounts
made=()
for m in "${mounts[@]}"; do
  mkdir "$m/$parent" 2>/dev/null || continue
  made+=("$m")
  for i in $(seq 1 "$n"); do mkdir "$m/$parent/c$i"; done
  if [ -f "$m/cpuset.cpus" ]; then # v1 cpuset starts empty: a task cannot join until cpus and mems are set
    for c in "$m/$parent" "$m/$parent"/c[0-9]*; do
      cat "$m/cpuset.cpus" > "$c/cpuset.cpus"; cat "$m/cpuset.mems" > "$c/cpuset.mems"
    done
  fi
done
sleepers=""
for i in $(seq 1 "$n"); do
  sleep 3600 & sleepers="$sleepers $!"
  for m in "${made[@]}"; do echo "$!" > "$m/$parent/c$i/cgroup.procs"; done
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime, clock ticks
sys() { awk '{print $15}' "/proc/$1/stat"; }         # stime alone: the kernel's side (the file reads)
hz=$(getconf CLK_TCK)
BERTH_JAVA_OPTS="$(cat bin/jvm-options) $(cat bin/jvm-options-record) ${RECORD_JAVA_OPTS:-}" \
  bin/berth record --store "$tmp/store" --interval "${ival}s" 2>"$tmp/record.log" & rec_pid=$!
if [ -n "${BASELINE_JAR:-}" ]; then
  java $(cat bin/jvm-options) $(cat bin/jvm-options-record) -jar "$BASELINE_JAR" record --store "$tmp/base" --interval "${ival}s" \
      2>"$tmp/base.log" & base_pid=$!
fi
atop -w "$tmp/atop.raw" "$ival" >/dev/null 2>&1 & atop_pid=$!
sleep "${WARMUP:-150}"   # JVM start and JIT warm-up (C2 reaches its steady state); atop's first sample
t1=$(date -u +%Y-%m-%dT%H:%M:%SZ); r1=$(cpu $rec_pid); a1=$(cpu $atop_pid); s1=$(stat -c %s "$tmp/atop.raw")
rs1=$(sys $rec_pid); as1=$(sys $atop_pid)
[ -z "${base_pid:-}" ] || { b1=$(cpu $base_pid); bs1=$(sys $base_pid); }
sleep "$secs"
t2=$(date -u +%Y-%m-%dT%H:%M:%SZ); r2=$(cpu $rec_pid); a2=$(cpu $atop_pid); s2=$(stat -c %s "$tmp/atop.raw")
rs2=$(sys $rec_pid); as2=$(sys $atop_pid); rtotal=$r2
[ -z "${base_pid:-}" ] || { b2=$(cpu $base_pid); bs2=$(sys $base_pid); }
frames=$(bin/berth history --store "$tmp/store" --from "$t1" --to "$t2" --interval 1s --csv | grep -c '^2')
cgroups=$(bin/berth history --store "$tmp/store" --from "$t1" --to "$t2" --top cpu -n 100000 | tail -n +2 | wc -l)
procs=$(ls -d /proc/[0-9]* | wc -l)
samples=$((secs / ival))
store_bytes=$(du -sb "$tmp/store" | cut -f1)
awk -v r=$((r2 - r1)) -v a=$((a2 - a1)) -v hz="$hz" -v f="$frames" -v s="$samples" -v c="$cgroups" -v p="$procs" \
    -v sb="$store_bytes" -v ab=$((s2 - s1)) -v rs=$((rs2 - rs1)) -v as=$((as2 - as1)) -v rt="$rtotal" 'BEGIN {
  printf "berth record: %d samples of %d cgroups, %.1f ms CPU per sample (%.1f of it in the kernel)\n", f, c,
      r * 1000 / hz / f, rs * 1000 / hz / f;
  printf "atop -w:      %d samples of %d processes, %.1f ms CPU per sample (%.1f of it in the kernel)\n", s, p,
      a * 1000 / hz / s, as * 1000 / hz / s;
  printf "ratio berth/atop: %.2f (goal <= 0.5)\n", (r / f) / (a / s);
  printf "atop bytes per sample %.0f, per process-sample %.1f\n", ab / s, ab / s / p;
  printf "berth store after the whole run (warm-up included): %d bytes\n", sb;
  printf "berth record CPU since its start (JVM start, JIT, warm-up included): %.2f s\n", rt / hz }'
if [ -n "${base_pid:-}" ]; then
  bframes=$(bin/berth history --store "$tmp/base" --from "$t1" --to "$t2" --interval 1s --csv | grep -c '^2')
  awk -v b=$((b2 - b1)) -v hz="$hz" -v f="$bframes" -v a=$((a2 - a1)) -v s="$samples" -v bs=$((bs2 - bs1)) \
      -v bt="$b2" 'BEGIN {
    printf "baseline record (%s): %d samples, %.1f ms CPU per sample (%.1f in the kernel), ratio to atop %.2f\n",
        ENVIRON["BASELINE_JAR"], f, b * 1000 / hz / f, bs * 1000 / hz / f, (b / f) / (a / s);
    printf "baseline record CPU since its start: %.2f s\n", bt / hz }'
fi
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
