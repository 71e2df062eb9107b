#!/usr/bin/env bash
# Exports benchmark (see README.md): where the time of a 100,000-dwelling group export goes, with
# fastexcel / fastcsv alone in the same run. Usage: bench/letters/exports.sh [--dwellings 100000]
# Environment: BENCH_DIR (data, plans and the product's files; default target-export-bench),
# BENCH_BUILD_DIR (build folder), BENCH_HEAP (default 1g), JAVA_OPTS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target-export-bench}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BUILD=${BENCH_BUILD_DIR:-target-export-bench-build}
mkdir -p "$WORK/files"
cd "$ROOT"
./mvnw -q -B -Dzlv.build.dir="$BUILD" -DskipTests test-compile
./mvnw -q -B -Dzlv.build.dir="$BUILD" dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/$BUILD/test-classes:$ROOT/$BUILD/classes:$(cat "$WORK/classpath.txt")"
export ZLV_DATA_DIR="$WORK/data" ZLV_DEMO=false
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ); $(git rev-parse --short HEAD)"
"$JAVA_HOME/bin/java" -Xmx"${BENCH_HEAP:-1g}" ${JAVA_OPTS:-} -cp "$CP" fr.zlv.groups.ExportBenchmark --keep "$WORK/files" "$@" \
    2> "$WORK/bench.err" | tee "$WORK/result.txt"
