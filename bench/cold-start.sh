#!/usr/bin/env bash
# Cold start to serving on the embedded database: time from `java -jar` to the first 200 from /login.
# "first" = empty BEATBOOK_HOME (initdb + migrations + demo data); "restart" = same home again.
# Usage: bench/cold-start.sh [runs=5]   (builds the jar first unless SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${PORT:-18080}
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -o -DskipTests package
jar=$(ls target/beatbook-*.jar | grep -v plain | head -1)

start_once() { # $1 = home; prints milliseconds to first 200
  local home=$1 t0 t1 pid
  t0=$(date +%s%N)
  BEATBOOK_HOME=$home java -jar "$jar" --server.port=$port > "$home.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/login" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "start failed, see $home.log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

first=(); again=()
for i in $(seq "$runs"); do
  home=$(mktemp -d /tmp/beatbook-bench-XXXX)
  first+=("$(start_once "$home")")
  again+=("$(start_once "$home")")
  rm -rf "$home" "$home.log"
done
echo "first start (empty home, demo data): ${first[*]} ms -> median $(printf '%s\n' "${first[@]}" | median) ms"
echo "restart (existing home):             ${again[*]} ms -> median $(printf '%s\n' "${again[@]}" | median) ms"
