#!/bin/bash
# Bytes sent per steady-state refresh over SSH: berth's console next to htop, in the same run.
#
# Starts Debian's sshd on 127.0.0.1 at a free port with a config and keys made in a temp dir
# (never the system's), then for each terminal size (80x24 and 200x50) and each tool runs
#   ssh -tt root@127.0.0.1 '<tool>'
# in a detached tmux pane of that size: berth as `bin/berth --interval 1 --all`, htop as
# `htop -d 10` (tenths of a second: the same 1 s). After a warm-up it measures, over a window:
#   - pty bytes: what the pane receives from ssh (tmux pipe-pane), i.e. the remote program's
#     terminal output after the remote pty, which is what SSH encrypts and sends;
#   - ssh bytes: TCP payload sshd sent to the client in the window (ss -ti bytes_sent on sshd's
#     socket), i.e. the same plus SSH framing, padding and MAC;
#   - refreshes: bursts of output, a burst being output after >= 200 ms of silence (each tool
#     writes one frame per interval, so the count should be close to the window in seconds; a
#     tool that skips a frame, or one late enough to touch the next, shows fewer);
#   - TCP segments sshd sent (ss -ti segs_out): how many packets a refresh costs.
# and prints both per refresh, with the ratio berth/htop.
#
# So that both tools have moving rows to draw, it makes $containers cgroups (default 10) under
# /berth-bench-ssh-<pid> with one process each that burns a little CPU now and then (in every
# hierarchy: v1 controllers and the unified one); berth lists them with --all, htop as processes.
# Everything made here (sshd, tmux sessions, processes, cgroups, temp dir) is removed on exit.
#
# Needs root (sshd, cgroups), openssh-server + client, tmux, htop, and a built jar
# (./mvnw -q -DskipTests package).
# Usage: bench/ssh-bytes/run.sh [window-seconds] [warmup-seconds] [containers]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
window=${1:-20}
warmup=${2:-8}
containers=${3:-10}
interval=1
tag=berth-bench-ssh-$$
[ "$(id -u)" = 0 ] || { echo "bench: needs root (sshd, cgroups)" >&2; exit 1; }
for t in /usr/sbin/sshd ssh ssh-keygen tmux htop ss; do
    command -v "$t" >/dev/null || { echo "bench: $t is not installed" >&2; exit 1; }
done
[ -f "$here/tui/target/berth.jar" ] || { echo "bench: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

work=$(mktemp -d "/tmp/$tag.XXXXXX")
sshd_pid=""
burners=""
dirs=$(awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 }' /proc/mounts | sort -u)
cleanup() {
    for s in $(tmux list-sessions -F '#{session_name}' 2>/dev/null | grep "^$tag" || true); do
        tmux kill-session -t "$s" 2>/dev/null || true
    done
    [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null || true
    for p in $burners; do kill -9 "$p" 2>/dev/null || true; done
    sleep 0.5
    for d in $dirs; do
        [ -d "$d/$tag" ] || continue
        for c in "$d/$tag"/c*; do [ -d "$c" ] && rmdir "$c" 2>/dev/null || true; done
        rmdir "$d/$tag" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# --- the containers: a cgroup each, holding a shell loop that wakes every 0.5 s and counts to
# 15000 (a few % of a core), so CPU%, and the sort order, move between refreshes
i=1
while [ "$i" -le "$containers" ]; do
    name=$(printf 'c%03d' "$i")
    for d in $dirs; do
        mkdir -p "$d/$tag/$name"
        # a new v1 cpuset cgroup has no cpus or mems, and refuses tasks (ENOSPC) until given some
        if [ -f "$d/cpuset.cpus" ]; then
            for c in "$d/$tag" "$d/$tag/$name"; do
                cat "$d/cpuset.cpus" > "$c/cpuset.cpus"; cat "$d/cpuset.mems" > "$c/cpuset.mems"
            done
        fi
    done
    sh -c 'while :; do n=0; while [ $n -lt 15000 ]; do n=$((n+1)); done; sleep 0.5; done' &
    burners="$burners $!"
    disown "$!"   # no "Killed" job notice when cleanup kills it
    for d in $dirs; do echo "${burners##* }" > "$d/$tag/$name/cgroup.procs"; done
    i=$((i + 1))
done

# --- sshd on 127.0.0.1, own keys and config
ssh-keygen -q -t ed25519 -N '' -C "$tag-host" -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -C "$tag-client" -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
port=""
for p in $(shuf -i 20000-60000 -n 20); do
    if ! ss -Hltn "sport = :$p" | grep -q .; then port=$p; break; fi
done
[ -n "$port" ] || { echo "bench: no free port found" >&2; exit 1; }
cat > "$work/sshd_config" <<CFG
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
PrintMotd no
PrintLastLog no
CFG
chmod 600 "$work/sshd_config"
mkdir -p /run/sshd   # privilege separation directory, as the Debian service unit makes it
/usr/sbin/sshd -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 50); do grep -q "Server listening" "$work/sshd.log" 2>/dev/null && break; sleep 0.1; done
grep -q "Server listening" "$work/sshd.log" || { echo "bench: sshd did not start:" >&2; cat "$work/sshd.log" >&2; exit 1; }

ssh_cmd() { # $1 = remote command
    printf "ssh -tt -i %s -p %s -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@127.0.0.1 %q" \
        "$work/client_key" "$port" "$1"
}

ssh_sent() { # "<TCP payload bytes> <TCP segments>" sshd has sent on its connection(s) to the client
    ss -Htin state established "( sport = :$port )" | tr ' ' '\n' \
        | awk -F: '$1 == "bytes_sent" { b += $2 } $1 == "segs_out" { n += $2 } END { print b + 0, n + 0 }'
}

now_ms() { date +%s%3N; }

measure() { # $1 = tool label, $2 = cols, $3 = rows, $4 = remote command, $5 = quit key
    local s="$tag-$1-$2" out="$work/$1-$2x$3.pty" samples="$work/$1-$2x$3.samples"
    tmux new-session -d -s "$s" -x "$2" -y "$3" "env PS1='bench$ ' sh"
    sleep 0.5
    tmux send-keys -t "$s" -l "$(ssh_cmd "$4")"
    : > "$out"
    tmux pipe-pane -t "$s" -O "cat >> '$out'"
    tmux send-keys -t "$s" Enter
    sleep "$warmup"
    local b0 g0 t0 end
    read -r b0 g0 < <(ssh_sent)
    t0=$(now_ms)
    end=$((t0 + window * 1000))
    : > "$samples"
    while [ "$(now_ms)" -lt "$end" ]; do
        echo "$(now_ms) $(stat -c %s "$out")" >> "$samples"
        sleep 0.02
    done
    local b1 g1 t1
    read -r b1 g1 < <(ssh_sent)
    t1=$(now_ms)
    tmux send-keys -t "$s" "$5"
    sleep 1
    tmux pipe-pane -t "$s"
    tmux kill-session -t "$s"
    # pty bytes and bursts from the samples; ssh bytes from ss
    awk -v tool="$1" -v size="$2x$3" -v sshb=$((b1 - b0)) -v segs=$((g1 - g0)) -v ms=$((t1 - t0)) -v iv="$interval" '
        NR == 1 { first = $2; last = $2; lastgrow = -1e9; next }
        { if ($2 > last) { if ($1 - lastgrow >= 200) bursts++; lastgrow = $1 } last = $2 }
        END {
            pty = last - first
            printf "%s %s %d %d %d %d %d %.1f\n", tool, size, pty, sshb, segs, bursts, ms, ms / 1000 / iv
        }' "$samples"
}

results="$work/results"
: > "$results"
echo "window ${window} s after ${warmup} s warm-up, refresh 1 s, ${containers} busy cgroups under /$tag, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for size in 80x24 200x50; do
    cols=${size%x*}; rows=${size#*x}
    measure berth "$cols" "$rows" "env TERM=xterm-256color LANG=C.UTF-8 JAVA=$(command -v java) $here/bin/berth --interval $interval --all --state-dir $work/state" q >> "$results"
    measure htop "$cols" "$rows" "env TERM=xterm-256color LANG=C.UTF-8 htop -d $((interval * 10))" q >> "$results"
done

awk '
    { tool[NR] = $1; size[NR] = $2; pty[NR] = $3; ssh[NR] = $4; segs[NR] = $5; bursts[NR] = $6; ms[NR] = $7 }
    END {
        printf "%-6s %-7s %10s %10s %9s %8s %13s %13s %12s %9s\n", "tool", "size", "pty B", "ssh B", "refreshes", "window", "pty B/refr.", "ssh B/refr.", "TCP segs/r.", "ssh B/s"
        for (i = 1; i <= NR; i++) {
            n = bursts[i] > 0 ? bursts[i] : 1
            per_pty[size[i], tool[i]] = pty[i] / n; per_ssh[size[i], tool[i]] = ssh[i] / n
            per_s[size[i], tool[i]] = ssh[i] * 1000 / ms[i]
            printf "%-6s %-7s %10d %10d %9d %7.1fs %13.0f %13.0f %12.1f %9.0f\n", tool[i], size[i], pty[i], ssh[i], bursts[i], ms[i] / 1000, pty[i] / n, ssh[i] / n, segs[i] / n, ssh[i] * 1000 / ms[i]
        }
        print ""
        split("80x24 200x50", order, " ")
        for (k = 1; k <= 2; k++) {
            s = order[k]
            if (per_pty[s, "htop"] > 0 && per_ssh[s, "htop"] > 0)
                printf "%s: berth/htop bytes per refresh = %.2f (pty), %.2f (ssh); ssh bytes per second %.2f\n", s, per_pty[s, "berth"] / per_pty[s, "htop"], per_ssh[s, "berth"] / per_ssh[s, "htop"], per_s[s, "berth"] / per_s[s, "htop"]
        }
    }' "$results"
