#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md in one command. Builds the project (no tests), then this module, then runs
# org.parley.bench.RunAll, which starts its own stack (ports 35432/39092/38080) and the services from their jars
# (ports 38181-38185) and, for item 6, `./parley start` in a folder of its own under bench/target.
# Arguments go to RunAll: --items 1,2,3,4,5,6,7,8,9,10 (default all) --scales 1000,10000,100000, and --quick for a
# smoke run (every phase shortened; its figures measure nothing). Goals against issue 18's targets (Targets.java) go
# into bench/target/results.json and docs/bench/latest.json; exit code 3 when HTTP and JDBC answers disagreed.
# BENCH_SKIP_BUILD=1 reuses the jars already built.
#
# The JMH microbenchmarks alone (no stack, no services): bench/run.sh jmh [JMH options], e.g.
#   bench/run.sh jmh DecisionBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc
# builds bench/ and what it needs (no tests), then runs org.openjdk.jmh.Main on bench's classpath
# (`bench/run.sh jmh -l` lists the benchmarks, `bench/run.sh jmh -h` JMH's options).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "jmh" ]; then
  shift
  if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
    ./mvnw -B -q -pl bench -am package -DskipTests
  fi
  exec java -cp "bench/target/parley-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main "$@"
fi
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q install -DskipTests
  ./mvnw -B -q -f bench/pom.xml package
fi
exec java -Xmx1g -Dparley.root="$PWD" -cp "bench/target/parley-bench.jar:bench/target/lib/*" org.parley.bench.RunAll "$@"
