#!/bin/sh
# Time to first frame from a cold start: from launching bin/berth in a fresh 120x40 tmux pane until
# the pane shows the console at all (title row and footer, "collecting first sample"), the first
# sampled frame (host meters and the container table), and the first frame with rates (second
# sample, CPU% filled in). Polls the pane every 10 ms. Repeated $1 times (default 5), each in a
# new JVM; prints each run and the median. Needs tmux and a built jar.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
session=berth-bench-frame-$$
[ -f "$here/tui/target/berth.jar" ] || { echo "bench: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT INT TERM
now_ms() { date +%s%3N; }
firsts=""
i=1
while [ "$i" -le "$runs" ]; do
    start=$(now_ms)
    tmux new-session -d -s "$session" -x 120 -y 40 "env LANG=C.UTF-8 $here/bin/berth --interval 1"
    paint=""
    first=""
    rates=""
    while [ -z "$rates" ]; do
        screen=$(tmux capture-pane -p -t "$session")
        t=$(now_ms)
        if [ -z "$paint" ] && echo "$screen" | grep -q "^ berth " && echo "$screen" | grep -q "Help"; then
            paint=$((t - start))
        fi
        if [ -z "$first" ] && echo "$screen" | grep -q "^NAME" && echo "$screen" | grep -q "^CPU\[" ; then
            first=$((t - start))
        fi
        if [ -n "$first" ] && echo "$screen" | grep -q "^CPU\[.*[0-9]%\]"; then
            rates=$((t - start))
        fi
        [ $((t - start)) -gt 30000 ] && { echo "bench: no frame after 30 s" >&2; exit 1; }
        sleep 0.01
    done
    tmux kill-session -t "$session"
    sleep 0.5
    echo "run $i: console drawn ${paint:-?} ms, first sampled frame ${first} ms, first frame with rates ${rates} ms"
    firsts="$firsts $first"
    i=$((i + 1))
done
echo "$firsts" | tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { printf "median first sampled frame: %d ms over %d runs\n", a[int((NR + 1) / 2)], NR }'
