#!/usr/bin/env bash
# The start-up benchmark: builds the module, then for N = 10, 200 and 1,000 generated entities
# starts a minimal application with and without Restless and prints Restless's share of the
# start-up CPU and the CPU time its registry took to build (see the Start-up section of
# benchmarks/README.md).
#
#   benchmarks/startup.sh                          # the full run (about 7 minutes)
#   SIZES="10 200" REPEATS=5 benchmarks/startup.sh   # other model sizes, more runs
#   SKIP_BUILD=1 benchmarks/startup.sh             # measure the jar already built
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
python3 benchmarks/startup.py "$@"
