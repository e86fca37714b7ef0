#!/bin/sh
# Installs a built berth (./mvnw -DskipTests package) where a packager would put it:
#   $PREFIX/bin/berth                                 launcher
#   $PREFIX/lib/berth/berth.jar, lib/*.jar            the application (the C helper travels in the runtime jar)
#   $PREFIX/share/man/man1/berth*.1.gz                man pages
#   $PREFIX/share/bash-completion/completions/berth   bash completion
#   $PREFIX/share/zsh/{site-functions,vendor-completions}/_berth   zsh completion (vendor-completions for /usr)
#   $PREFIX/lib/systemd/system/berth-*.service        systemd units (installed, not enabled)
# Usage: dist/install.sh [PREFIX [DESTDIR]]   (make install PREFIX=/usr/local DESTDIR=... calls it)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-/usr/local}
destdir=${2:-}
case $prefix in
  /*) ;;
  *) echo "install.sh: PREFIX must be an absolute path, got '$prefix'" >&2; exit 2 ;;
esac
for f in tui/target/berth.jar man/target/man/berth.1 man/target/completion/berth man/target/completion/_berth; do
  if [ ! -f "$here/$f" ]; then
    echo "install.sh: $here/$f not found; build first: ./mvnw -q -DskipTests package" >&2
    exit 1
  fi
done
if [ "$prefix" = /usr ]; then zshdir=$prefix/share/zsh/vendor-completions; else zshdir=$prefix/share/zsh/site-functions; fi
root=$destdir$prefix
install -d "$root/bin" "$root/lib/berth/lib" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$destdir$zshdir" "$root/lib/systemd/system"
install -m 644 "$here/tui/target/berth.jar" "$root/lib/berth/berth.jar"
rm -f "$root/lib/berth/lib/"*.jar
install -m 644 "$here/tui/target/lib/"*.jar "$root/lib/berth/lib/"
sed -e "s|@LIBDIR@|$prefix/lib/berth|g" -e "s|@JVM_OPTIONS@|$(cat "$here/bin/jvm-options")|" \
  -e "s|@JVM_OPTIONS_HISTORY@|$(cat "$here/bin/jvm-options-history")|" \
  -e "s|@JVM_OPTIONS_RECORD@|$(cat "$here/bin/jvm-options-record")|" \
  "$here/dist/src/berth.in" > "$root/bin/berth"
chmod 755 "$root/bin/berth"
for page in "$here/man/target/man/"*.1; do
  gzip -9nc "$page" > "$root/share/man/man1/$(basename "$page").gz"
  chmod 644 "$root/share/man/man1/$(basename "$page").gz"
done
install -m 644 "$here/man/target/completion/berth" "$root/share/bash-completion/completions/berth"
install -m 644 "$here/man/target/completion/_berth" "$destdir$zshdir/_berth"
# berth serve's unit, and any other front end's (the recorder's in contrib/), with @BINDIR@ filled in.
for unit in "$here/dist/src/systemd/"*.service "$here/contrib/"*.service; do
  [ -f "$unit" ] || continue
  sed "s|@BINDIR@|$prefix/bin|g" "$unit" > "$root/lib/systemd/system/$(basename "$unit")"
  chmod 644 "$root/lib/systemd/system/$(basename "$unit")"
done
echo "installed berth under $destdir$prefix"
