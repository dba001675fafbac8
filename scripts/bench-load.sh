#!/usr/bin/env bash
# The load test of docs/benchmarks.md ("Concurrent public submissions"): 500 public
# submissions at once on SQLite, on PostgreSQL and on two PostgreSQL nodes, then a
# server killed with SIGKILL in the middle of a stream of submissions on each, and
# every acknowledged submission looked up after the restart. Not part of the test
# suite: it prints figures and asserts nothing but "0 lost" (bench load exits 1).
#
#   cargo build --release -p gongkai && scripts/bench-load.sh
#
# GONGKAI_BENCH_POSTGRES_URL: a PostgreSQL URL whose role may create databases
# (default: the test database of .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${GONGKAI_BIN:-target/release/gongkai}
PG=${GONGKAI_BENCH_POSTGRES_URL:-postgres://gongkai_test:gongkai_test@127.0.0.1:5432/gongkai_test}
WORK=$(mktemp -d)
export GONGKAI_LIMITS_SUBMIT_PER_MINUTE=0 GONGKAI_LOG=warn
PIDS=()
trap 'kill -9 "${PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# serve DIR PORT [DATABASE_URL]: starts a node in the background, waits until healthy.
serve() {
  local dir=$1 port=$2 url=${3:-}
  mkdir -p "$dir"
  if [ -n "$url" ]; then
    "$BIN" serve --data "$dir" --database-url "$url" --listen "127.0.0.1:$port" >"$dir/out.log" 2>&1 &
  else
    "$BIN" serve --data "$dir" --listen "127.0.0.1:$port" >"$dir/out.log" 2>&1 &
  fi
  PIDS+=($!)
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
    sleep 0.1
  done
  echo "node on port $port did not start" >&2; cat "$dir/out.log" >&2; exit 1
}

stop_all() { kill -TERM "${PIDS[@]}" 2>/dev/null || true; wait "${PIDS[@]}" 2>/dev/null || true; PIDS=(); }
kill_all() { kill -9 "${PIDS[@]}" 2>/dev/null || true; wait "${PIDS[@]}" 2>/dev/null || true; PIDS=(); }

# database NAME: a fresh PostgreSQL database's URL.
database() {
  psql -q "$PG" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
  echo "${PG%/*}/$1"
}

# nodes NAME BACKEND: starts one SQLite node, one PostgreSQL node or two on one
# database (sharing the audit key); sets URLS and DATA_ARGS.
nodes() {
  local name=$1 backend=$2
  case $backend in
    sqlite)
      serve "$WORK/$name/a" 18081
      URLS=(--url http://127.0.0.1:18081); DATA_ARGS=(--data "$WORK/$name/a") ;;
    postgres)
      local url; url=$(database "gk_load_$name")
      serve "$WORK/$name/a" 18081 "$url"
      URLS=(--url http://127.0.0.1:18081); DATA_ARGS=(--data "$WORK/$name/a" --database-url "$url") ;;
    postgres-2)
      local url; url=$(database "gk_load_$name")
      serve "$WORK/$name/a" 18081 "$url"
      mkdir -p "$WORK/$name/b" && cp "$WORK/$name/a/audit.key" "$WORK/$name/b/"
      serve "$WORK/$name/b" 18082 "$url"
      URLS=(--url http://127.0.0.1:18081 --url http://127.0.0.1:18082)
      DATA_ARGS=(--data "$WORK/$name/a" --database-url "$url") ;;
  esac
}

restart() { # the nodes of NAME BACKEND again, on their data
  local name=$1 backend=$2 url=""
  [ "$backend" != sqlite ] && url="${PG%/*}/gk_load_$name"
  serve "$WORK/$name/a" 18081 $url
  [ "$backend" = postgres-2 ] && serve "$WORK/$name/b" 18082 "$url"
  return 0
}

echo "== 500 submissions at once (first submissions of the year on a fresh database)"
for backend in sqlite postgres postgres-2; do
  nodes "burst_${backend//-/_}" "$backend"
  printf '%s\t' "$backend"; "$BIN" bench load "${DATA_ARGS[@]}" "${URLS[@]}" --submissions 500 --concurrency 500 | tail -1
  stop_all
done

total() { # URL: the "total" of a JSON answer
  curl -s "$1" | grep -o '"total":[0-9]*' | head -1 | cut -d: -f2
}

echo "== kill -9 in the middle of a stream (16 clients) while documents are imported beside it;"
echo "   after the restart: every acknowledged submission stored, every node's index holding every public document"
printf 'backend\tacknowledged\tlost\tdocuments\tindexed (per node)\n'
for backend in sqlite postgres postgres-2; do
  name="kill_${backend//-/_}"
  nodes "$name" "$backend"
  acked="$WORK/$name/acknowledged.txt"
  "$BIN" bench load "${DATA_ARGS[@]}" "${URLS[@]}" --submissions 1000000 --concurrency 16 \
    --acknowledged "$acked" >/dev/null 2>&1 &
  load=$!
  sleep 1
  # Published beside the running nodes (the CLI writes the database and the search
  # outbox; each node's index follows the outbox), then a search starts a catch-up.
  "$BIN" import policies "${DATA_ARGS[@]}" fixtures/bench fixtures/seeds >/dev/null 2>&1
  curl -s "http://127.0.0.1:18081/api/v1/search?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80" >/dev/null &
  sleep 0.2
  kill_all
  wait "$load" || true
  restart "$name" "$backend"
  checked=$("$BIN" bench load "${DATA_ARGS[@]}" --check "$acked" | tail -1)
  documents=$(total "http://127.0.0.1:18081/api/v1/documents?per_page=1")
  indexed=$(total "http://127.0.0.1:18081/api/v1/search?per_page=1")
  [ "$backend" = postgres-2 ] && indexed="$indexed $(total "http://127.0.0.1:18082/api/v1/search?per_page=1")"
  printf '%s\t%s\t%s\t%s\n' "$backend" "$checked" "$documents" "$indexed"
  stop_all
done
