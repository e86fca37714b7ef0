#!/bin/sh
# Runs the peers harness (../shared/bench-peers, or $PEERS) with berth's tools.conf and this checkout's
# bin/berth, and keeps the table next to this script as results-<date>.txt. Needs root, the v1 hierarchies at
# /sys/fs/cgroup/<controller>, and the peers installed (as root):
#   apt-get install -y htop atop sysstat dstat
# Environment: NS (default "100 500 2000"), ONLY, K, as the harness takes them. About 15 min for the default NS.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
peers=${PEERS:-$root/../shared/bench-peers}
[ -x "$peers/peers.sh" ] || peers=/work/shared/bench-peers
[ -x "$peers/peers.sh" ] || { echo "bench/peers: the peers harness is not at $peers (set PEERS)" >&2; exit 1; }
[ -f "$root/tui/target/berth.jar" ] || { echo "bench/peers: build berth first: ./mvnw -q -DskipTests package" >&2; exit 1; }
out="$here/results-$(date -u +%Y-%m-%d).txt"
NS=${NS:-"100 500 2000"} BERTH="$root/bin/berth" TOOLS_CONF="$here/tools.conf" OUT="$out" "$peers/peers.sh"
echo "bench/peers: table in $out (commit $(git -C "$root" rev-parse --short HEAD))"
