#!/usr/bin/env bash
# CPU seconds of a first load's reading: from its first line read to the start of its merge, for the JVM's
# threads (the reading thread "java", the encoding thread "lovac-copy", the JIT) and the two COPY backends.
# Wall times of a whole import vary by ±15 % on a shared VM; the CPU of one phase tells builds apart.
# Usage: bench/import/reading-cpu.sh [JAR] (the file of run.sh must exist; the import is stopped at its merge)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target-bench-import}
JAR=${1:-$ROOT/target/zlv.jar}
FILE=${FILE:-$WORK/lovac-2025-1350000.csv}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export ZLV_DATA_DIR="$WORK/data-reading" ZLV_DEMO=false ZLV_PORT=${ZLV_PORT:-18090}
[ -f "$FILE" ] || { echo "no $FILE: run bench/import/run.sh first" >&2; exit 2; }
rm -rf "$ZLV_DATA_DIR"
"$JAVA_HOME/bin/java" -jar "$JAR" reference load > "$WORK/reading-reference.log" 2>&1
TICKS=$(getconf CLK_TCK)
snapshot() { # one line per thread of the JVM and per backend: name/id cpu-seconds
  for t in /proc/"$1"/task/*; do
    awk -v t="$TICKS" -v n="$(tr ' ' '_' < "$t/comm" 2>/dev/null)" -v id="$(basename "$t")" \
        '{print n "/" id, ($14 + $15) / t}' "$t/stat" 2>/dev/null || true
  done
  for p in $(pgrep -f "postgres: postgres" || true); do
    awk -v t="$TICKS" '{print "postgres/" $1, ($14 + $15) / t}' "/proc/$p/stat" 2>/dev/null || true
  done
}
ERR="$WORK/reading.err"
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -jar "$JAR" import lovac --millesime 2025 "$FILE" >/dev/null 2>"$ERR" &
PID=$!
until grep -q "lecture du fichier : 0 lignes" "$ERR"; do sleep 0.1; done
snapshot $PID | sort > "$WORK/reading-start.txt"
START=$(date +%s.%N)
: > "$WORK/reading-during.txt"
# threads that end with the reading (the encoding thread) are kept at their last value
until grep -q "merge step duplicates" "$ERR"; do snapshot $PID >> "$WORK/reading-during.txt"; sleep 0.5; done
snapshot $PID >> "$WORK/reading-during.txt"
END=$(date +%s.%N)
kill $PID; wait $PID 2>/dev/null || true
awk '{v[$1] = $2} END {for (k in v) print k, v[k]}' "$WORK/reading-during.txt" | sort > "$WORK/reading-end.txt"
echo "$(basename "$JAR"): reading $(echo "$END - $START" | bc) s; CPU seconds (threads above 0.3):"
join -a1 -a2 -e0 -o 0,1.2,2.2 "$WORK/reading-start.txt" "$WORK/reading-end.txt" \
    | awk '{d = $3 - $2; if (d > 0.3) printf "  %-28s %6.2f\n", $1, d}' | sort -k2 -nr
