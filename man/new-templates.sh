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
    if [ "$name" = berth ]; then
      echo "*berth-help*(1)"
    else
      echo "*berth*(1)"
    fi
  } > "$out"
  echo "wrote $out"
done
