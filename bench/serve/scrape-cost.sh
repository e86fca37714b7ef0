#!/bin/sh
# Scrape latency and berth's CPU per scrape of `berth serve`, and its CPU per sample, with N extra cgroups.
#
# Makes N cgroups with one sleeping process each under a parent named for this run
# (/berth-bench-serve-<pid>, in every v1 hierarchy and the unified one), then:
#  1. scrapes: starts bin/berth serve with --interval 600s, so its one sample is taken at start and none while
#     scraping; waits for that sample (berth_samples_total = 1), scrapes WARMUP times (default 100) to warm the JIT, then times
#     SCRAPES sequential scrapes with curl -w time_total (p50, p95, max). CPU per scrape: the utime+stime of the
#     berth serve JVM (/proc/PID/stat fields 14+15: every thread of the process, GC and JIT included) over the
#     timed scrapes, minus the same JVM's utime+stime over an idle stretch of the same wall time right after
#     (no scrapes, no sampling), divided by SCRAPES. Both deltas are in clock ticks (10 ms at USER_HZ 100).
#  2. samples: restarts it with --interval INTERVAL (default 10s, serve's default; whole seconds, e.g. 2s),
#     waits for WARM samples (default 3), then reads the JVM's utime+stime over SAMPLES intervals (default 6)
#     with no scrape at all inside the window (it opens right after a sample and closes half an interval after
#     the SAMPLES-th next one; the sample count is read by one scrape after it): CPU per sample at that
#     interval, the JVM's idle time between samples included (that is what the interval costs).
# "cgroups served" is berth_cgroups_sampled. berth serve samples every cgroup it sees (--all, as cAdvisor); with
# ISOLATE=1 (the default) it sees only the N made here plus their parent: it runs with --procfs pointing at a
# directory of symlinks to the real /proc whose self/mountinfo alone is rewritten so that each cgroup mount's
# root and mount point are the run's parent (as a cgroup namespace would show them; no mount is made or
# changed). So the figures do not move with the other cgroups of a shared machine, and every file berth reads
# is still the kernel's. ISOLATE=0 serves the whole host instead (its own cgroups plus the N).
# Everything it made is removed on exit, also on failure.
#
# Needs root (cgroup creation), curl and a built jar (./mvnw -q -DskipTests package).
# Usage: bench/serve/scrape-cost.sh [extra-cgroups] [scrapes]; INTERVAL=10s SAMPLES=6 WARM=3 WARMUP=100 in the environment.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-100}
scrapes=${2:-200}
interval=${INTERVAL:-10s}
samples=${SAMPLES:-6}
warm=${WARM:-3}
warmup=${WARMUP:-100}
isolate=${ISOLATE:-1}
parent=berth-bench-serve-$$
port=$((20000 + $$ % 20000))
hz=$(getconf CLK_TCK)
[ "$(id -u)" = 0 ] || { echo "bench: needs root to create cgroups" >&2; exit 1; }
command -v curl >/dev/null || { echo "bench: curl is not installed" >&2; exit 1; }
[ -f "$here/tui/target/berth.jar" ] || { echo "bench: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

dirs=$(awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 }' /proc/mounts | sort -u)
sleepers=""
serve=""
fakeproc=""
cleanup() {
    [ -n "$fakeproc" ] && rm -rf "$fakeproc"   # symlinks and one file; rm does not follow the links
    [ -n "$serve" ] && kill "$serve" 2>/dev/null && wait "$serve" 2>/dev/null || true
    for p in $sleepers; do kill -9 "$p" 2>/dev/null || true; done
    sleep 0.5
    for d in $dirs; do
        [ -d "$d/$parent" ] || continue
        for c in "$d/$parent"/c*; do [ -d "$c" ] && rmdir "$c" 2>/dev/null || true; done
        rmdir "$d/$parent" 2>/dev/null || true
    done
}
trap cleanup EXIT INT TERM

i=1
while [ "$i" -le "$n" ]; do
    name=$(printf 'c%03d' "$i")
    for d in $dirs; do
        mkdir -p "$d/$parent/$name"
        if [ -f "$d/cpuset.cpus" ]; then # v1 cpuset starts empty: a task cannot join until cpus and mems are set
            for c in "$d/$parent" "$d/$parent/$name"; do
                [ -s "$c/cpuset.cpus" ] || cat "$d/cpuset.cpus" > "$c/cpuset.cpus"
                [ -s "$c/cpuset.mems" ] || cat "$d/cpuset.mems" > "$c/cpuset.mems"
            done
        fi
    done
    sleep 3600 &
    pid=$!
    sleepers="$sleepers $pid"
    for d in $dirs; do echo "$pid" > "$d/$parent/$name/cgroup.procs"; done
    i=$((i + 1))
done

procfs=/proc
if [ "$isolate" = 1 ]; then
    fakeproc=$(mktemp -d "/tmp/$parent-proc.XXXXXX")
    for e in /proc/*; do
        case ${e##*/} in self | thread-self) ;; *) ln -s "$e" "$fakeproc/${e##*/}" ;; esac
    done
    mkdir "$fakeproc/self"
    for e in /proc/self/*; do
        [ "${e##*/}" = mountinfo ] || ln -s "/proc/self/${e##*/}" "$fakeproc/self/${e##*/}"
    done
    # fields: id parent maj:min root mountpoint options [optional...] - fstype source superoptions
    awk -v p="/$parent" '{
        for (i = 7; $i != "-"; i++) { }
        if ($(i + 1) == "cgroup" || $(i + 1) == "cgroup2") { $4 = ($4 == "/" ? "" : $4) p; $5 = $5 p }
        print }' /proc/self/mountinfo > "$fakeproc/self/mountinfo"
    procfs=$fakeproc
fi

ticks() { # utime + stime of pid $1, in clock ticks (fields 14 and 15; comm may contain spaces)
    sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}
metric() { # value of an unlabelled metric in a scrape
    curl -sf "http://127.0.0.1:$port/metrics" | awk -v m="$1" '$1 == m { print $2 + 0 }'
}
wait_samples() { # until berth_samples_total >= $1
    until [ "$(metric berth_samples_total 2>/dev/null || echo 0)" -ge "$1" ] 2>/dev/null; do
        kill -0 "$serve" 2>/dev/null || { echo "bench: berth serve exited" >&2; exit 1; }
        sleep 0.1
    done
}
start_serve() {
    "$here/bin/berth" --procfs "$procfs" serve --listen "127.0.0.1:$port" --interval "$1" 2>/dev/null &
    serve=$!
    wait_samples 1
}
now() { awk '{ print $1 }' /proc/uptime; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_serve 600s
cgroups=$(metric berth_cgroups_sampled)
bytes=$(curl -sf "http://127.0.0.1:$port/metrics" | wc -c)
for _ in $(seq "$warmup"); do curl -sf -o /dev/null "http://127.0.0.1:$port/metrics"; done
w0=$(now); t0=$(ticks "$serve")
times=$(for _ in $(seq "$scrapes"); do curl -sf -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/metrics"; done)
t1=$(ticks "$serve"); w1=$(now)
sleep "$(awk -v a="$w0" -v b="$w1" 'BEGIN { print b - a }')"
t2=$(ticks "$serve")
kill "$serve"; wait "$serve" 2>/dev/null || true; serve=""
echo "$times" | sort -n | awk -v n="$scrapes" -v c="$cgroups" -v b="$bytes" -v busy=$((t1 - t0)) -v idle=$((t2 - t1)) \
    -v hz="$hz" -v extra="$n" -v wall="$(awk -v a="$w0" -v b="$w1" 'BEGIN { print b - a }')" '
    { v[NR] = $1 * 1000 }
    END {
        printf "extra cgroups %d, cgroups served %d, scrape size %d bytes\n", extra, c, b
        printf "scrape latency over %d scrapes: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", n, v[int(n / 2)], v[int(n * 0.95)], v[n]
        printf "berth CPU per scrape: %.1f ms (%d ticks over %d scrapes in %.1f s, minus %d idle ticks over the same time)\n", \
            (busy - idle) * 1000 / hz / n, busy, n, wall, idle
    }'

start_serve "$interval"
wait_samples "$warm"
# A scrape costs CPU too, so nothing scrapes inside the window: it opens just after a sample was published (the
# poll above) and closes half an interval after the SAMPLES-th next one, then one scrape reads the count.
s0=$(metric berth_samples_total); t0=$(ticks "$serve"); w0=$(now)
secs=$(awk -v i="${interval%s}" -v n="$samples" 'BEGIN { print i * n + i / 2 }')
sleep "$secs"
t1=$(ticks "$serve"); w1=$(now); s1=$(metric berth_samples_total)
dur=$(metric berth_sample_duration_seconds)
awk -v s=$((s1 - s0)) -v dt=$((t1 - t0)) -v hz="$hz" -v d="$dur" -v i="$interval" \
    -v wall="$(awk -v a="$w0" -v b="$w1" 'BEGIN { print b - a }')" 'BEGIN {
    printf "berth CPU per sample (interval %s, no scrapes): %.0f ms (%d ticks over %d samples in %.1f s); last sample took %.0f ms\n", i, dt * 1000 / hz / s, dt, s, wall, d * 1000 }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
