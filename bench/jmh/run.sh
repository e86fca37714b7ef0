#!/bin/sh
# Runs the JMH microbenchmarks (build first: ./mvnw -Pjmh -pl bench/jmh -am -DskipTests package).
# Arguments go to JMH, e.g. bench/jmh/run.sh FormatBench -f 1 -wi 2 -i 3
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/target/classes" ]; then
  echo "bench/jmh: not built; run: ./mvnw -Pjmh -pl bench/jmh -am -DskipTests package" >&2
  exit 1
fi
exec "${JAVA:-java}" -cp "$here/target/classes:$here/target/lib/*" org.openjdk.jmh.Main "$@"
