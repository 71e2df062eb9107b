#!/usr/bin/env bash
# Letters and exports benchmark (see README.md). Usage: bench/letters/run.sh [--recipients 10000]
#   [--group-dwellings 100000] [--departement 23] [--skip-exports true]
# The dataset stays in $BENCH_DIR/data between runs (bench dwellings are generated only when missing).
# Environment: BENCH_DIR (data and results), BENCH_BUILD_DIR (build folder), BENCH_HEAP (default 1g), JAVA_OPTS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target-bench-letters}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BUILD=${BENCH_BUILD_DIR:-target-bench-letters-build}
mkdir -p "$WORK"
cd "$ROOT"
./mvnw -q -B -Dzlv.build.dir="$BUILD" -DskipTests test-compile
./mvnw -q -B -Dzlv.build.dir="$BUILD" dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/$BUILD/test-classes:$ROOT/$BUILD/classes:$(cat "$WORK/classpath.txt")"
export ZLV_DATA_DIR="$WORK/data" ZLV_DEMO=false
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(uname -r); load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
# a 1 GiB heap by default (BENCH_HEAP=256m to check that printing fits in the heap growth target of 256 MB)
HEAP=${BENCH_HEAP:-1g}
echo "heap limit: -Xmx$HEAP"
"$JAVA_HOME/bin/java" -Xmx"$HEAP" ${JAVA_OPTS:-} -cp "$CP" fr.zlv.campaign.letter.LetterBenchmark "$@" 2> "$WORK/bench.err" | tee "$WORK/result.txt"
