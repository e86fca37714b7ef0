#!/bin/sh
# Checks the README's first command and the Debian package on a fresh Debian 12 made with debootstrap
# (minbase: nothing but apt), each in its own chroot under a temporary directory:
#  1. ./setup --version in a copy of this commit (git archive HEAD): it must apt-get the JDK, gcc and libc6-dev,
#     build, and start berth (--version, so the check needs no terminal; without arguments it opens the console);
#  2. apt install ./berth_*.deb (built by step 1) in a second fresh chroot: it must pull a Java 17 runtime;
#     then berth --version, the bash completion and man berth from the installed files.
# Each chroot runs in a private mount namespace (its /proc and /sys bind mounts never reach the host) and is
# deleted at the end. Certificates the host added in /usr/local/share/ca-certificates (a TLS-intercepting proxy's)
# are copied into the chroots, so that Maven can download from behind the same proxy as the host.
#
#  3. with --tests: the README's second command, CI=true ./.ci/run, in the chroot of step 1 after ./setup (it
#     apt-gets the test packages, then runs the whole suite, the pure-v2 guest included). The chroot gets what a
#     machine has and a bare chroot lacks: its root is a mount point (pivot_root refuses a plain directory), /dev
#     from the host, and a tmpfs at /tmp and /run. Its report is left in the work directory, which is kept then.
#     About 25-30 minutes on a 2-CPU VM.
#
# Needs root, debootstrap, unshare and git. Usage: dist/check-fresh-debian.sh [--tests] [MIRROR [DEB]]
# (with DEB, a package already built, step 1 is skipped, and so is 3)
set -eu
tests=""
if [ "${1:-}" = "--tests" ]; then tests=1; shift; fi
here=$(cd "$(dirname "$0")/.." && pwd)
mirror=${1:-http://deb.debian.org/debian}
deb=${2:-}
[ "$(id -u)" = 0 ] || { echo "check: needs root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "check: debootstrap is not installed" >&2; exit 1; }
work=$(mktemp -d /var/tmp/berth-fresh-debian.XXXXXX)
if [ -n "$tests" ]; then echo "work directory (kept): $work"; else trap 'rm -rf "$work"' EXIT INT TERM; fi

fresh() { # fresh DIR: a minbase Debian 12 with the host's resolver and extra CAs
    debootstrap --variant=minbase bookworm "$1" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    cp /etc/resolv.conf "$1/etc/resolv.conf"
    if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
        mkdir -p "$1/usr/local/share/ca-certificates"
        cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/"
    fi
}
in_chroot() { # in_chroot DIR SCRIPT: runs SCRIPT with bash in DIR, /proc and /sys mounted privately
    unshare --mount --propagation private sh -c '
        mount -t proc proc "$1/proc" && mount --rbind /sys "$1/sys" && mount --make-rslave "$1/sys"
        exec chroot "$1" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
            PATH=/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -ec "$2"' sh "$1" "$2"
}
in_machine_chroot() { # as in_chroot, with the root a mount point, the host's /dev, and tmpfs at /tmp and /run
    unshare --mount --propagation private sh -c '
        mount --bind "$1" "$1" && mount -t proc proc "$1/proc" && mount --rbind /sys "$1/sys"
        mount --make-rslave "$1/sys" && mount --rbind /dev "$1/dev" && mount --make-rslave "$1/dev"
        mount -t tmpfs tmpfs "$1/tmp" && mount -t tmpfs tmpfs "$1/run"
        exec chroot "$1" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive CI=true \
            PATH=/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -ec "$2"' sh "$1" "$2"
}
# Java keeps its own trust store: give it the host's extra CAs too (after the JDK is installed).
java_cas='for c in /usr/local/share/ca-certificates/*.crt; do [ -f "$c" ] || continue
    keytool -importcert -cacerts -storepass changeit -noprompt -alias "$(basename "$c" .crt)" -file "$c" \
        >/dev/null 2>&1 || true; done'

if [ -z "$deb" ]; then
echo "== 1. ./setup on a fresh Debian 12"
fresh "$work/setup"
mkdir -p "$work/setup/root/berth"
git -C "$here" archive HEAD | tar -x -C "$work/setup/root/berth"
# Behind a TLS-intercepting proxy the first build fails (the proxy's CA is not in Java's store yet, and the JDK
# came with setup): add the CAs and run setup again, which installs nothing more.
in_chroot "$work/setup" "cd /root/berth && { ./setup --version || { $java_cas; ./setup --version; }; }" \
    >"$work/setup.log" 2>&1 || true
grep -v '^\(Selecting\|Preparing\|Unpacking\|Setting up\|Processing\|(Reading\|debconf\|\s*at \)' "$work/setup.log" | tail -12
ls "$work/setup/root/berth/dist/target/"berth_*.deb >/dev/null 2>&1 \
    || { echo "check: ./setup did not build berth (log above)" >&2; exit 1; }
deb=$(ls "$work/setup/root/berth/dist/target/"berth_*.deb)
if [ -n "$tests" ]; then
    echo "== 3. CI=true ./.ci/run in the same chroot (log: $work/tests.log)"
    start=$(date +%s)
    rc=0
    in_machine_chroot "$work/setup" "cd /root/berth && ./.ci/run" >"$work/tests.log" 2>&1 || rc=$?
    grep -E "Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$|BUILD|Total time" \
        "$work/tests.log" | tail -12
    echo "exit status $rc after $(( $(date +%s) - start )) s"
    [ "$rc" = 0 ] || { echo "check: the tests failed in the fresh chroot (log above)" >&2; exit 1; }
fi
fi

echo "== 2. apt install ./berth_*.deb on a fresh Debian 12"
fresh "$work/deb"
cp "$deb" "$work/deb/root/"
in_chroot "$work/deb" '
    cd /root && apt-get update -qq
    apt-get install -y -qq ./berth_*.deb 2>&1 | grep -E "^Setting up (berth|openjdk)" || true
    berth --version
    source /usr/share/bash-completion/completions/berth 2>/dev/null || true
    COMP_WORDS=(berth fre); COMP_CWORD=1; _complete_berth berth fre berth 2>/dev/null || true
    echo "berth fre<Tab>: ${COMPREPLY[*]}"
    apt-get install -y -qq man-db >/dev/null 2>&1
    MANPAGER=cat man berth 2>/dev/null | sed -n 3,5p'
echo "== fresh Debian 12: ./setup and the package work"
