#!/usr/bin/env bash
# Builds the benchmark application and the Elide application, starts both on PostgreSQL (database
# restless_bench, seeded by the benchmark application on its first start), warms them up and runs
# every scenario against Restless, Spring Data REST, the hand-written baseline and Elide in
# alternating rounds, then prints the results table.
#
#   benchmarks/run.sh                 # the full run (about 14 minutes)
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
  # Elide (Spring Boot 3) is an application of its own, outside the project's reactor.
  mvn -B -q -f benchmarks/elide/pom.xml package -DskipTests
  psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = 'restless_bench'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "create database restless_bench"
  TABLES=$(psql -h 127.0.0.1 -U postgres -d restless_bench -tAc \
    "select to_regclass('bench_person') is not null and to_regclass('bench_computer') is not null")
  PROFILE=""
  export IMPLEMENTATIONS="${IMPLEMENTATIONS:-restless,manual,sdr,elide}"
else
  # Elide cannot share the benchmark application's in-memory database.
  PROFILE="--spring.profiles.active=h2"
  export IMPLEMENTATIONS="${IMPLEMENTATIONS:-restless,manual,sdr}"
fi
echo "Built in ${SECONDS}s"

"$JAVA_BIN" -Xms1g -Xmx1g ${BENCH_JVM_OPTS:-} -jar benchmarks/target/restless-benchmarks.jar $PROFILE \
  > benchmarks/target/app.log 2>&1 &
APP=$!
ELIDE=""
trap 'kill $APP $ELIDE 2>/dev/null || true' EXIT

case ",$IMPLEMENTATIONS," in
  *,elide,*)
    if [ "${TABLES:-}" != "t" ]; then
      # Elide validates its mapping against the tables, which the benchmark application creates.
      echo "Waiting for the benchmark application to create and seed the tables ..."
      for _ in $(seq 600); do
        curl -sf http://127.0.0.1:8088/bench/size >/dev/null 2>&1 && break
        sleep 1
      done
    fi
    "$JAVA_BIN" -Xms1g -Xmx1g ${BENCH_JVM_OPTS:-} -jar benchmarks/elide/target/restless-benchmarks-elide.jar \
      > benchmarks/elide/target/app.log 2>&1 &
    ELIDE=$!
    ;;
esac

BENCH_APP_PID=$APP ELIDE_APP_PID=$ELIDE python3 benchmarks/run.py "$@"
