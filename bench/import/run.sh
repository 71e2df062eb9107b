#!/usr/bin/env bash
# LOVAC import benchmark (see README.md). Usage: bench/import/run.sh [ROWS]   (default 1350000)
set -euo pipefail
ROWS=${1:-1350000}
SEED=${SEED:-2025}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target-bench-import}
JAR=${JAR:-$ROOT/target/zlv.jar}
HEAP=${HEAP:--Xmx512m}
PORT=${ZLV_PORT:-18089}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
mkdir -p "$WORK"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)

export ZLV_DATA_DIR="$WORK/data" ZLV_DEMO=false ZLV_PORT=$PORT
rm -rf "$ZLV_DATA_DIR"
FILE="$WORK/lovac-2025-$ROWS.csv"
NEXT="$WORK/lovac-2026-$ROWS.csv"
[ -f "$FILE" ] || "$JAVA" -jar "$JAR" generate lovac --millesime 2025 --rows "$ROWS" --seed "$SEED" --dirty-rate 0.002 "$FILE" >/dev/null
[ -f "$NEXT" ] || "$JAVA" -jar "$JAR" generate lovac --millesime 2026 --rows "$ROWS" --seed "$SEED" --dirty-rate 0.002 "$NEXT" >/dev/null
echo "file: $FILE ($(du -h "$FILE" | cut -f1), $(($(wc -l < "$FILE") - 1)) lines, $(head -1 "$FILE" | tr ';' '\n' | wc -l) columns)"

# the product runs (reference data loaded at start); imports from the command line use its database
"$JAVA" -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; do sleep 2; done
DB_PORT=$(cat "$ZLV_DATA_DIR/db.port")
PSQL="psql -q -h localhost -p $DB_PORT -U postgres -d postgres -v ON_ERROR_STOP=1"

# (a) baseline: PostgreSQL's own COPY of the same file into an unindexed all-text table
COLS=$(head -1 "$FILE" | sed 's/\r$//' | tr ';' '\n' | sed 's/.*/"&" text/' | paste -sd, -)
$PSQL -c "drop table if exists bench_baseline; create unlogged table bench_baseline ($COLS);" >/dev/null
# truncated lines of the dirty rate would stop COPY: the baseline loads the well-formed lines
EXPECTED=$(head -1 "$FILE" | tr -cd ';' | wc -c)
awk -F';' -v n="$EXPECTED" 'NF-1==n' "$FILE" > "$WORK/baseline.csv"
START=$(date +%s.%N)
$PSQL -c "\\copy bench_baseline from '$WORK/baseline.csv' with (format csv, header true, delimiter ';')"
BASE=$(echo "$(date +%s.%N) - $START" | bc)
$PSQL -c "drop table bench_baseline" >/dev/null
rm -f "$WORK/baseline.csv"
printf "(a) baseline COPY: %.1f s (%.0f rows/s)\n" "$BASE" "$(echo "$ROWS / $BASE" | bc -l)"
# the imports run from the command line on the same data folder (reference data already loaded);
# the server is stopped so that each import starts the embedded database itself
kill $SERVER; wait $SERVER 2>/dev/null || true

run() { # label, millesime, file
  local out
  out=$(/usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$JAVA" $HEAP -XX:+UseSerialGC -Xlog:gc:file="$WORK/gc-$1.log" \
        -jar "$JAR" import lovac --millesime "$2" "$3" 2>"$WORK/import-$1.err" | tail -1)
  read -r wall rss < "$WORK/time.txt"
  local heap
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc-$1.log" | cut -d'>' -f1 | tr -d 'M-' | sort -n | tail -1)
  printf "(%s) %.1f s, %.0f rows/s, %.1f x baseline, peak heap %s MB, peak RSS %d MB\n    %s\n" "$1" "$wall" \
      "$(echo "$ROWS / $wall" | bc -l)" "$(echo "$wall / $BASE" | bc -l)" "${heap:-?}" "$((rss / 1024))" "$out"
}
# RUNS="b" measures the first load only (c and d need b's database)
for r in ${RUNS:-b c d}; do
  case $r in
    b|c) run "$r" 2025 "$FILE" ;;
    d) run d 2026 "$NEXT" ;;
  esac
done
