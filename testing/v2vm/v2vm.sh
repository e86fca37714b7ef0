#!/bin/bash
# Boots a pure cgroup v2 guest (QEMU TCG, Debian's own kernel) that shares this machine's root read-only over
# 9p, runs one command inside it chrooted to the host root, and brings the results back. See README.md.
#
#   v2vm.sh [--nsdelegate] [--timeout SECONDS] [--out DIR] [--cache DIR] -- COMMAND [ARG...]
#
# Exit status: the command's own status; 124 when the guest hit the time limit; 77 when the guest cannot be
# had here (no qemu, no kernel package, not root), with the reason on stderr as "v2vm: skip: <reason>";
# 2 for bad usage; 1 for any other failure of the harness itself.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
timeout_s=420
out=
cache=${BERTH_V2VM_CACHE:-$here/target/guest}
nsdelegate=0
mem_mib=${BERTH_V2VM_MEMORY_MIB:-3072}
cpus=${BERTH_V2VM_CPUS:-2}

usage() { echo "usage: v2vm.sh [--nsdelegate] [--timeout SECONDS] [--out DIR] [--cache DIR] -- COMMAND [ARG...]" >&2; exit 2; }
skip() { echo "v2vm: skip: $*" >&2; exit 77; }
die() { echo "v2vm: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --nsdelegate) nsdelegate=1; shift ;;
    --timeout) [ $# -ge 2 ] || usage; timeout_s=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
    --cache) [ $# -ge 2 ] || usage; cache=$2; shift 2 ;;
    --) shift; break ;;
    *) usage ;;
  esac
done
[ $# -gt 0 ] || usage
case "$timeout_s" in ''|*[!0-9]*) echo "v2vm: --timeout: not a whole number of seconds: $timeout_s" >&2; exit 2 ;; esac

[ "$(id -u)" = 0 ] || skip "needs root (the guest shares / with the ownership of the files as they are)"
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)"
qemu-system-x86_64 -accel help 2>/dev/null | grep -qx tcg || skip "qemu-system-x86_64 offers no TCG (the guest runs emulated, without KVM)"
command -v cpio >/dev/null || skip "cpio is not installed"
command -v mkfs.ext4 >/dev/null || skip "mkfs.ext4 is not installed (e2fsprogs)"
[ -x /bin/busybox ] || skip "busybox-static is not installed"
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed' \
  || skip "busybox-static is not installed (the initramfs needs a static busybox)"
command -v dpkg-deb >/dev/null && command -v apt-get >/dev/null || skip "needs apt-get and dpkg-deb for the kernel package"

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
[ -n "$out" ] || out=$(mktemp -d "$here/target/run.XXXXXX" 2>/dev/null || { mkdir -p "$here/target"; mktemp -d "$here/target/run.XXXXXX"; })
mkdir -p "$out"
out=$(cd "$out" && pwd)
case "$out$cache$PWD" in *[[:space:]]*) echo "v2vm: paths with white space are not supported: $out $cache $PWD" >&2; exit 2 ;; esac

# --- the kernel: Debian's own, unpacked (never installed into /boot) ---------------------------------------------
build_kernel() {
  local pkg ver deb
  pkg=${BERTH_V2VM_KERNEL_PACKAGE:-$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-/{print $2; exit}')}
  [ -n "$pkg" ] || { apt-get update -qq >/dev/null 2>&1 || true;
    pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-/{print $2; exit}'); }
  [ -n "$pkg" ] || skip "no linux-image-amd64 package known to apt (apt-get update?)"
  rm -rf "$cache/kernel.tmp" && mkdir -p "$cache/kernel.tmp"
  (cd "$cache/kernel.tmp" && apt-get download "$pkg" >/dev/null 2>&1) || skip "apt-get download $pkg failed"
  deb=$(ls "$cache"/kernel.tmp/*.deb)
  dpkg-deb -x "$deb" "$cache/kernel.tmp/root"
  rm -f "$deb"
  ver=$(ls "$cache/kernel.tmp/root/lib/modules")
  # busybox modprobe (the guest's, for modules loaded on demand) reads modules.dep
  /bin/busybox depmod -b "$cache/kernel.tmp/root" "$ver"
  echo "$ver" > "$cache/kernel.tmp/version"
  rm -rf "$cache/kernel" && mv "$cache/kernel.tmp" "$cache/kernel"
}
[ -f "$cache/kernel/version" ] || build_kernel
kver=$(cat "$cache/kernel/version")
kroot=$cache/kernel/root
kmods=$kroot/lib/modules/$kver/kernel

# --- the initramfs: busybox, the 9p and overlay modules, and /init ----------------------------------------------
build_initramfs() {
  local d=$cache/initramfs.tmp m
  rm -rf "$d" && mkdir -p "$d"/{bin,sbin,dev,proc,sys,mnt/host,newroot,rw,lib/modules,mods}
  cp /bin/busybox "$d/bin/busybox"
  for a in sh mount umount mkdir insmod modprobe poweroff sleep cat echo chroot ip hostname ln sync grep sed env uname pidof kill ps; do
    ln -s busybox "$d/bin/$a"
  done
  ln -s ../bin/busybox "$d/sbin/modprobe"
  # The order the dependencies need (insmod does not resolve them): virtio transport, netfs/fscache, 9p, overlay.
  for m in drivers/virtio/virtio_ring drivers/virtio/virtio drivers/virtio/virtio_pci_modern_dev \
           drivers/virtio/virtio_pci_legacy_dev drivers/virtio/virtio_pci fs/netfs/netfs fs/fscache/fscache \
           net/9p/9pnet net/9p/9pnet_virtio fs/9p/9p fs/overlayfs/overlay; do
    [ -f "$kmods/$m.ko" ] || die "module $m.ko not in the kernel package $kver"
    cp "$kmods/$m.ko" "$d/mods/"
    echo "${m##*/}" >> "$d/mods/order"
  done
  cp "$here/guest-init.sh" "$d/init"
  chmod 755 "$d/init"
  echo "$kroot/lib/modules/$kver" > "$d/modules-path"
  (cd "$d" && find . | cpio -o -H newc --quiet | gzip -1) > "$cache/initramfs.cpio.gz.tmp"
  mv "$cache/initramfs.cpio.gz.tmp" "$cache/initramfs.cpio.gz"
  cp "$here/guest-init.sh" "$cache/initramfs.init"
  rm -rf "$d"
}
if [ ! -f "$cache/initramfs.cpio.gz" ] || ! cmp -s "$here/guest-init.sh" "$cache/initramfs.init"; then
  build_initramfs
fi

# --- two small disks: /dev/vda, raw scratch for io.max (its content does not matter), and /dev/vdb, a fresh
# ext4 for the guest's /var/tmp (tests that need a disk-backed file system; the root is an overlay) -----------
[ -f "$cache/scratch.raw" ] || truncate -s 256M "$cache/scratch.raw"
rm -f "$cache/vartmp.ext4"
truncate -s 384M "$cache/vartmp.ext4"
mkfs.ext4 -q -F "$cache/vartmp.ext4" || die "mkfs.ext4 failed (e2fsprogs)"

# --- the command, as a script on the writable share ---------------------------------------------------------------
{
  echo "cd $(printf %q "$PWD") || exit 1"
  printf 'exec'; printf ' %q' "$@"; echo
} > "$out/command.sh"
rm -f "$out/exit-status" "$out/output.log"

# 40 s before the limit the guest prints a thread dump of every JVM and the process list, so that a hung run says
# where it hung (output.log and console.log).
dump_at=0
[ "$timeout_s" -gt 120 ] && dump_at=$(( timeout_s - 40 ))
# The checkout: kept visible in the guest also when it lies under /tmp or /run, where the guest mounts fresh tmpfs.
keep=$(cd "$here/../.." && pwd)
case "$keep" in *[[:space:]]*) echo "v2vm: paths with white space are not supported: $keep" >&2; exit 2 ;; esac
append="console=ttyS0 panic=-1 quiet v2vm.out=$out v2vm.nsdelegate=$nsdelegate v2vm.dumpat=$dump_at v2vm.keep=$keep"
qemu_pid=
cleanup() {
  if [ -n "$qemu_pid" ] && kill -0 "$qemu_pid" 2>/dev/null; then
    kill -TERM "$qemu_pid" 2>/dev/null || true
    sleep 1
    kill -KILL "$qemu_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

start=$(date +%s)
# timeout(1) bounds the guest even if this script is killed with SIGKILL and never runs its trap.
timeout -s KILL "$timeout_s" qemu-system-x86_64 -accel tcg,thread=multi -smp "$cpus" -m "$mem_mib" \
  -nographic -no-reboot -nic none -kernel "$kroot/boot/vmlinuz-$kver" -initrd "$cache/initramfs.cpio.gz" \
  -append "$append" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
  -virtfs "local,path=$out,mount_tag=results,security_model=none,multidevs=remap" \
  -drive "file=$cache/scratch.raw,format=raw,if=virtio,cache=none" \
  -drive "file=$cache/vartmp.ext4,format=raw,if=virtio,cache=none" \
  < /dev/null > "$out/console.log" 2>&1 &
qemu_pid=$!
set +e
wait "$qemu_pid"
rc=$?
set -e
qemu_pid=
echo "v2vm: guest ran $(( $(date +%s) - start )) s (kernel $kver); console in $out/console.log" >&2
if [ -f "$out/exit-status" ]; then
  exit "$(cat "$out/exit-status")"
fi
if [ "$rc" = 137 ]; then
  echo "v2vm: the guest hit the time limit of $timeout_s s" >&2
  exit 124
fi
echo "v2vm: the guest stopped without a result (qemu status $rc); last console lines:" >&2
tail -n 20 "$out/console.log" >&2
exit 1
