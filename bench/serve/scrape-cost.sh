#!/bin/sh
# Scrape latency and berth's CPU per scrape of `berth serve`, and its CPU per sample, with N extra cgroups.
#
# Makes N cgroups with one sleeping process each under a parent named for this run
# (/berth-bench-serve-<pid>, in every v1 hierarchy and the unified one), then:
#  1. scrapes: starts bin/berth serve with a 600 s interval (one sample, taken at start, so no sampling
#     happens while scraping), waits for that sample, scrapes 100 times to warm the JIT, then times
#     SCRAPES sequential scrapes with curl and reads the JVM's utime+stime before and after: CPU per scrape.
#  2. samples: restarts it with a 1 s interval, lets it warm up 20 s, then reads utime+stime over 30 s
#     with no scraper: CPU per sample (every cgroup the host has, as berth serve samples --all).
# Everything it made is removed on exit, also on failure.
#
# Needs root (cgroup creation), curl and a built jar (./mvnw -q -DskipTests package).
# Usage: bench/serve/scrape-cost.sh [extra-cgroups] [scrapes]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-100}
scrapes=${2:-200}
parent=berth-bench-serve-$$
port=$((20000 + $$ % 20000))
hz=$(getconf CLK_TCK)
[ "$(id -u)" = 0 ] || { echo "bench: needs root to create cgroups" >&2; exit 1; }
command -v curl >/dev/null || { echo "bench: curl is not installed" >&2; exit 1; }
[ -f "$here/tui/target/berth.jar" ] || { echo "bench: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

dirs=$(awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 }' /proc/mounts | sort -u)
sleepers=""
serve=""
cleanup() {
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

ticks() { # utime + stime of pid $1, in clock ticks (fields 14 and 15; comm may contain spaces)
    sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}
metric() { # value of an unlabelled metric in a scrape
    curl -sf "http://127.0.0.1:$port/metrics" | awk -v m="$1" '$1 == m { print $2 }'
}
start_serve() {
    "$here/bin/berth" serve --listen "127.0.0.1:$port" --interval "$1" 2>/dev/null &
    serve=$!
    until [ "$(metric berth_samples_total 2>/dev/null)" = "${2:-1.0}" ]; do sleep 0.2; done
}

start_serve 600s
cgroups=$(metric berth_cgroups_sampled)
bytes=$(curl -sf "http://127.0.0.1:$port/metrics" | wc -c)
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/metrics"; done
t0=$(ticks "$serve")
times=$(for _ in $(seq "$scrapes"); do curl -sf -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/metrics"; done)
t1=$(ticks "$serve")
kill "$serve"; wait "$serve" 2>/dev/null || true; serve=""
echo "$times" | sort -n | awk -v n="$scrapes" -v c="$cgroups" -v b="$bytes" -v dt=$((t1 - t0)) -v hz="$hz" -v extra="$n" '
    { v[NR] = $1 * 1000 }
    END {
        printf "extra cgroups %d, cgroups served %d, scrape size %d bytes\n", extra, c, b
        printf "scrape latency over %d scrapes: median %.1f ms, p95 %.1f ms, max %.1f ms\n", n, v[int(n / 2)], v[int(n * 0.95)], v[n]
        printf "berth CPU per scrape: %.1f ms (%d ticks over %d scrapes)\n", dt * 1000 / hz / n, dt, n
    }'

start_serve 1s
sleep 20
s0=$(metric berth_samples_total); t0=$(ticks "$serve")
sleep 30
s1=$(metric berth_samples_total); t1=$(ticks "$serve")
dur=$(metric berth_sample_duration_seconds)
awk -v s="$(awk -v a="$s0" -v b="$s1" 'BEGIN { print b - a }')" -v dt=$((t1 - t0)) -v hz="$hz" -v d="$dur" 'BEGIN {
    printf "berth CPU per sample (1 s interval, no scrapes): %.0f ms over %d samples; last sample took %.0f ms\n", dt * 1000 / hz / s, s, d * 1000 }'
