#!/bin/sh
# How the "host-hybrid" fixture of Fixtures.java was captured (run as root on a hybrid host; Debian 12,
# Linux 6.18, 2026-11-22). Creates berth-test-capture-<pid> in every hierarchy, runs a small workload in it
# (20 MiB of direct IO, a shell loop, a 5 MB shell variable), copies every readable cgroup file to $D, and
# removes the cgroup again. The blkio statistics were captured in a second run with throttle rules set on
# the disk (254:0 read/write 1 GiB/s, write 100000 iops), because this kernel counts blkio.throttle.* only
# for devices with a rule.
set -u
P=berth-test-capture-$$
D=${D:-/tmp/capture}
HIERARCHIES="cpu cpuacct cpuset memory blkio pids freezer unified"
rm -rf "$D"; mkdir -p "$D"
for h in $HIERARCHIES; do mkdir -p /sys/fs/cgroup/$h/$P; done
cat /sys/fs/cgroup/cpuset/cpuset.cpus > /sys/fs/cgroup/cpuset/$P/cpuset.cpus
cat /sys/fs/cgroup/cpuset/cpuset.mems > /sys/fs/cgroup/cpuset/$P/cpuset.mems
mkfifo "$D/gate"
sh -c 'read x < '"$D"'/gate
  dd if=/dev/zero of=/var/tmp/berth-capture.dat bs=1M count=20 oflag=direct 2>/dev/null
  dd if=/var/tmp/berth-capture.dat of=/dev/null bs=1M iflag=direct 2>/dev/null
  rm -f /var/tmp/berth-capture.dat
  i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done
  x=$(head -c 5000000 /dev/zero | tr "\0" a); sleep 20' &
PID=$!
for h in $HIERARCHIES; do echo $PID > /sys/fs/cgroup/$h/$P/cgroup.procs; done
echo go > "$D/gate"
sleep 5
for h in $HIERARCHIES; do
  for f in /sys/fs/cgroup/$h/$P/*; do
    b=$(basename "$f")
    case $b in *slabinfo|memory.force_empty|*.reset_stats|release_agent|memory.pressure_level|cgroup.event_control|cgroup.kill) continue;; esac
    [ -r "$f" ] && cat "$f" > "$D/$h.$b" 2>/dev/null
  done
done
cat /proc/$PID/cgroup > "$D/proc.cgroup"
cat /proc/self/mountinfo > "$D/mountinfo"
cat /proc/cgroups > "$D/proc.cgroups"
kill $PID
for c in $(cat /sys/fs/cgroup/pids/$P/cgroup.procs); do kill -9 "$c"; done
sleep 0.5
for h in $HIERARCHIES; do rmdir /sys/fs/cgroup/$h/$P; done
