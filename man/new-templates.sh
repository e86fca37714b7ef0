#!/bin/sh
# Writes a man page template under man/src/docs/mantemplates for every command that has none yet.
#
# The build (man/pom.xml) generates AsciiDoc for every picocli command into
# man/target/generated-picocli-docs; the committed templates include those generated sections and
# add what picocli cannot know (exit status of subcommands, SEE ALSO, hand-written prose). A command
# without a template still gets a page, from picocli's own fallback template, but without SEE ALSO.
#
# Usage (after adding a subcommand): ./mvnw -q -DskipTests package && man/new-templates.sh
# then review the new files, add prose if any, and commit them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
generated="$here/target/generated-picocli-docs"
templates="$here/src/docs/mantemplates"
[ -d "$generated" ] || { echo "new-templates.sh: $generated not found; build first" >&2; exit 1; }
mkdir -p "$templates"
for page in "$generated"/*.adoc; do
  name=$(basename "$page" .adoc)
  out="$templates/$name.adoc"
  [ -e "$out" ] && continue
  {
    echo "// Man page template for $name(1). Sections between the includes are generated from the"
    echo "// picocli command at build time (man/pom.xml); anything else here is hand-written."
    for section in header name synopsis description options arguments commands; do
      echo
      echo "include::{includedir}/$name.adoc[tag=picocli-generated-man-section-$section]"
    done
    echo
    # Exit codes are mapped in one place (dev.berth.tui.cli.ErrorHandler) and listed on the root
    # command, so a subcommand without its own list shows the root's.
    if awk '/tag::picocli-generated-man-section-exit-status/ { getline; exit !/^== / }' "$page"; then
      echo "include::{includedir}/$name.adoc[tag=picocli-generated-man-section-exit-status]"
    else
      echo "include::{includedir}/berth.adoc[tag=picocli-generated-man-section-exit-status]"
    fi
    echo
    echo "include::{includedir}/$name.adoc[tag=picocli-generated-man-section-footer]"
    echo
    echo "== See also"
    echo
    echo "*berth*(1)"
  } > "$out"
  echo "wrote $out"
done
# berth(1)'s SEE ALSO lists every command's page: its last line is rewritten each time.
root="$templates/berth.adoc"
if [ -e "$root" ] && [ "$(tail -n 3 "$root" | head -n 1)" = "== See also" ]; then
  list=$(cd "$generated" && ls berth-*.adoc | sed 's/\.adoc$//; s/.*/*&*(1)/' | paste -sd, - | sed 's/,/, /g')
  { head -n -1 "$root"; echo "$list"; } > "$root.new" && mv "$root.new" "$root"
fi
