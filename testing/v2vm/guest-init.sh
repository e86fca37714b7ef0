#!/bin/sh
# /init of the v2vm guest (busybox sh, in the initramfs that v2vm.sh builds).
#
# Mounts this machine's root (9p, read-only) under a tmpfs overlay as /newroot, mounts proc, sys, dev, tmpfs and
# cgroup2 (alone: pure v2) in it, mounts the writable results share at the same path it has on the host, runs
# command.sh from there chrooted into /newroot, writes its exit status next to it, and powers off. The
# initramfs root stays the real root, so the kernel's module loader (/sbin/modprobe here) works throughout.
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec > /dev/console 2>&1

halt_now() {
  sync
  poweroff -f
  echo o > /proc/sysrq-trigger
  sleep 10
}
param() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" /proc/cmdline; }

for m in $(cat /mods/order); do
  insmod "/mods/$m.ko" || { echo "v2vm-init: insmod $m failed"; halt_now; }
done
out=$(param v2vm.out)
keep=$(param v2vm.keep)
nsdelegate=$(param v2vm.nsdelegate)
dumpat=$(param v2vm.dumpat)

mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=mmap,msize=262144 hostroot /mnt/host \
  || { echo "v2vm-init: cannot mount the host root"; halt_now; }
mount -t tmpfs -o mode=0755 tmpfs /rw
mkdir -p /rw/upper /rw/work
mount -t overlay -o lowerdir=/mnt/host,upperdir=/rw/upper,workdir=/rw/work overlay /newroot \
  || { echo "v2vm-init: cannot mount the overlay root"; halt_now; }

# Modules beyond the initramfs's come from the unpacked kernel package, which the host root holds.
mkdir -p /lib/modules
ln -s "/mnt/host$(cat /modules-path)" "/lib/modules/$(uname -r)"
echo /sbin/modprobe > /proc/sys/kernel/modprobe
# loop and fuse: device nodes outside the containers' allow-list that root may open (LauncherPrivilegedTest)
for m in virtio_blk veth ext4 loop fuse; do modprobe "$m" || echo "v2vm-init: modprobe $m failed"; done

r=/newroot
mount -t proc proc $r/proc
mount -t sysfs sysfs $r/sys
if [ "$nsdelegate" = 1 ]; then
  # As systemd mounts it.
  mount -t cgroup2 -o nsdelegate,memory_recursiveprot cgroup2 $r/sys/fs/cgroup
else
  mount -t cgroup2 cgroup2 $r/sys/fs/cgroup
fi
mount -t devtmpfs devtmpfs $r/dev
mkdir -p $r/dev/pts $r/dev/shm
mount -t devpts -o newinstance,ptmxmode=0666 devpts $r/dev/pts
ln -sf pts/ptmx $r/dev/ptmx
mount -t tmpfs tmpfs $r/dev/shm
# A checkout under /tmp or /run (a CI clone there) would be hidden by the fresh tmpfs mounted on them: its view in
# the overlay is bound aside first and moved back on top.
case "$keep" in
  /tmp/*|/run/*) mkdir -p /kept && mount -o bind "$r$keep" /kept \
                   || { echo "v2vm-init: cannot keep $keep"; halt_now; } ;;
  *) keep= ;;
esac
mount -t tmpfs -o mode=1777 tmpfs $r/tmp
mount -t tmpfs -o mode=0755 tmpfs $r/run
if [ -n "$keep" ]; then
  mkdir -p "$r$keep" && mount -o move /kept "$r$keep" || { echo "v2vm-init: cannot keep $keep"; halt_now; }
fi
mount -t ext4 /dev/vdb $r/var/tmp && chmod 1777 $r/var/tmp || echo "v2vm-init: no ext4 /var/tmp"
mkdir -p "$r$out"
mount -t 9p -o trans=virtio,version=9p2000.L,cache=none,msize=262144 results "$r$out" \
  || { echo "v2vm-init: cannot mount the results share"; halt_now; }
ip link set lo up
hostname v2vm

# The new root goes onto / as switch_root puts it (with everything mounted in it), so that the root of every mount
# namespace is the host's root, as on a booted machine: setns(2) into a container's mount namespace lands in the
# container's root (berth exec), where a chroot into /newroot left it at the initramfs. This init's own root and the
# kernel threads' stay the initramfs below it (the module loader's /sbin/modprobe); from here on r is this
# directory, the new root.
cd $r && mount -o move . / || { echo "v2vm-init: cannot move the new root onto /"; halt_now; }
r=.

if [ -n "$dumpat" ] && [ "$dumpat" -gt 0 ]; then
  # Shortly before the host's time limit: where is it hung? A thread dump of each JVM (to its stdout, output.log)
  # and the process list (console.log).
  ( sleep "$dumpat"; echo "v2vm-init: $dumpat s: thread dumps and processes before the time limit"
    for p in $(pidof java); do kill -QUIT "$p"; done; ps -o pid,ppid,stat,args 2>/dev/null || ps ) &
fi

env="PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb"
env="$env BERTH_TEST_SCRATCH_DISK=/dev/vda BERTH_V2VM=1"
if [ "$nsdelegate" = 1 ]; then
  # A delegated subtree as systemd sets one up for a service with Delegate=yes: the root and system.slice
  # enable the controllers systemd enables by default (cpu io memory pids, not cpuset); the service's cgroup
  # is the root of the command's cgroup namespace, and the command runs in a leaf below it (as with
  # DelegateSubgroup=), so the service cgroup itself holds no process and can enable controllers for its
  # children.
  cg=$r/sys/fs/cgroup
  echo "+cpu +io +memory +pids" > $cg/cgroup.subtree_control
  mkdir -p $cg/system.slice/v2vm.service
  echo "+cpu +io +memory +pids" > $cg/system.slice/cgroup.subtree_control
  env="$env BERTH_V2VM_DELEGATED=1"
  sh -c "echo \$\$ > $cg/system.slice/v2vm.service/cgroup.procs && exec env -i $env chroot $r /usr/bin/unshare --cgroup --mount \
    sh -c 'umount /sys/fs/cgroup && mount -t cgroup2 cgroup2 /sys/fs/cgroup && mkdir /sys/fs/cgroup/supervisor \
      && echo \$\$ > /sys/fs/cgroup/supervisor/cgroup.procs && exec /bin/sh $out/command.sh'" \
    > "$r$out/output.log" 2>&1
else
  env -i $env chroot $r /bin/sh "$out/command.sh" > "$r$out/output.log" 2>&1
fi
echo $? > "$r$out/exit-status"
halt_now
