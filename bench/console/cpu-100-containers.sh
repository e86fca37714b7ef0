#!/bin/sh
# berth's own CPU use with 100 containers at a 1 s refresh, next to htop's in the same run.
#
# Makes 100 cgroups with one sleeping process each under a parent named for this run
# (/berth-bench-console-<pid>, in every v1 hierarchy and the unified one), runs the console
# (bin/berth --interval 1 --all) in a 120x40 tmux pane, lets it warm up (default 60 s: the JIT
# compiles for the first minute; pass 10 to see the first minute's cost), then reads utime+stime
# of its JVM from /proc/<pid>/stat over the measuring window. Then does the same for htop -d 10
# (1 s) in the same pane size. Everything it made is removed on exit, also on failure.
#
# Needs root (cgroup creation), tmux, htop and a built jar (./mvnw -q -DskipTests package).
# Usage: bench/console/cpu-100-containers.sh [containers] [window-seconds] [warmup-seconds]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-100}
window=${2:-30}
warmup=${3:-60}
parent=berth-bench-console-$$
session=berth-bench-console-$$
hz=$(getconf CLK_TCK)
[ "$(id -u)" = 0 ] || { echo "bench: needs root to create cgroups" >&2; exit 1; }
command -v tmux >/dev/null || { echo "bench: tmux is not installed" >&2; exit 1; }
[ -f "$here/tui/target/berth.jar" ] || { echo "bench: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

# every hierarchy the host has: v1 controllers plus the unified (v2) mount
dirs=$(awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 }' /proc/mounts | sort -u)
sleepers=""
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
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

measure() { # $1 = label, $2 = command; prints "label cpu%"
    tmux new-session -d -s "$session" -x 120 -y 40 "$2"
    sleep 1
    shell=$(tmux display-message -p -t "$session" '#{pane_pid}')
    target=$(pgrep -n -P "$shell" || echo "$shell")
    sleep "$warmup"
    t0=$(ticks "$target")
    sleep "$window"
    t1=$(ticks "$target")
    rows=$(tmux capture-pane -p -t "$session" | sed -n 's/.*Ctr *\([0-9]*\).*/\1/p' | head -1)
    tmux kill-session -t "$session"
    awk -v a="$t0" -v b="$t1" -v hz="$hz" -v w="$window" -v l="$1" -v r="$rows" \
        'BEGIN { printf "%-6s %6.2f %% of one core  (%d ticks in %d s; %s containers listed)\n", l, 100 * (b - a) / hz / w, b - a, w, (r == "" ? "-" : r) }'
}

echo "$n containers (cgroups with one sleeping process each) under /$parent, ${window} s window after ${warmup} s warm-up, 120x40 tmux"
berth=$(measure berth "env LANG=C.UTF-8 $here/bin/berth --interval 1 --all")
echo "$berth"
htop=$(measure htop "htop -d 10")
echo "$htop"
echo "$berth" "$htop" | awk '{ b = $2; h = $0; sub(/.*htop +/, "", h); split(h, x, " "); if (x[1] > 0) printf "ratio berth/htop: %.1f\n", b / x[1] }'
