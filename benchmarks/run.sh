#!/usr/bin/env bash
# Builds the benchmark application, starts it on PostgreSQL (database restless_bench, seeded on
# first start), warms it up and runs every scenario against Restless, Spring Data REST and the
# hand-written baseline in alternating rounds, then prints the results table.
#
#   benchmarks/run.sh                 # the full run (about 9 minutes)
#   ROUNDS=1 SECONDS_PER_RUN=3 WARMUP_SECONDS=10 benchmarks/run.sh   # a quick smoke run
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package) ..."
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
fi

JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn -B -q -pl benchmarks -am package -DskipTests

if [ "${BENCH_DATABASE:-postgresql}" = "postgresql" ]; then
  psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = 'restless_bench'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "create database restless_bench"
  PROFILE=""
else
  PROFILE="--spring.profiles.active=h2"
fi

"$JAVA_BIN" -Xms1g -Xmx1g ${BENCH_JVM_OPTS:-} -jar benchmarks/target/restless-benchmarks.jar $PROFILE \
  > benchmarks/target/app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT

BENCH_APP_PID=$APP python3 benchmarks/run.py "$@"
