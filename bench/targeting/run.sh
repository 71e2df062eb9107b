#!/usr/bin/env bash
# Targeting benchmark (see README.md). Usage: bench/targeting/run.sh [--dwellings 1350000] [--territory-dwellings 75000]
#   [--departement 59] [--clients 8] [--national-clients 2] [--rounds 2] [--national-rounds 1]
# The dataset stays in $BENCH_DIR/data between runs (regenerated only when missing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target-bench-targeting}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BUILD=${BENCH_BUILD_DIR:-target-bench-targeting-build}
mkdir -p "$WORK"
cd "$ROOT"
./mvnw -q -B -Dzlv.build.dir="$BUILD" -DskipTests test-compile
./mvnw -q -B -Dzlv.build.dir="$BUILD" dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/$BUILD/test-classes:$ROOT/$BUILD/classes:$(cat "$WORK/classpath.txt")"
export ZLV_DATA_DIR="$WORK/data" ZLV_DEMO=false
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(uname -r); $(date -u +%Y-%m-%dT%H:%MZ)"
"$JAVA_HOME/bin/java" -Xmx4g ${JAVA_OPTS:-} -cp "$CP" fr.zlv.targeting.TargetingBenchmark "$@" 2> "$WORK/bench.err" | tee "$WORK/result.txt"
