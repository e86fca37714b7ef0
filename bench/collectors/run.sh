#!/bin/sh
# Benchmark: cost of one collectors tick at 100 and 500 containers (fake v2/hybrid trees and, as root, real
# cgroups under a test parent), and berth's host sampler against OSHI's equivalents. Prints median/p90 per call.
# Usage: bench/collectors/run.sh            (from the repository root; builds collectors first)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
./mvnw -q -o -DskipTests package -pl collectors -am 2>/dev/null || ./mvnw -q -DskipTests package -pl collectors -am
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
./mvnw -q -o test-compile dependency:build-classpath -pl collectors -am -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
cp="collectors/target/classes:collectors/target/test-classes:cgroupctl/target/classes:$(cat "$cpfile")"
exec java -XX:+UseSerialGC -cp "$cp" bench/collectors/SampleBench.java
