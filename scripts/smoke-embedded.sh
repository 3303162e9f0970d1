#!/usr/bin/env bash
# Starts Strata the way a new user does (no DATABASE_URL, fresh DATA_DIR), checks /health and
# /docs, kills it with SIGKILL, starts it again on the same data, stops it with SIGTERM, and
# checks that SIGTERM to `npm start` stops node and PostgreSQL too.
# Prints the cold and warm start times.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir=$(mktemp -d /tmp/strata-smoke-XXXXXX)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log="$data_dir.log"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -KILL "-$pid" 2>/dev/null || true
  pkill -INT -f "$data_dir/postgres" 2>/dev/null || true
  sleep 0.5
  rm -rf "$data_dir"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# Sets start_ms to how long /health took to answer 200.
wait_healthy() {
  local started=$1
  for _ in $(seq 1 1200); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
      start_ms=$(($(now_ms) - started))
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Strata exited during start-up:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "Strata did not become healthy:" >&2
  cat "$log" >&2
  return 1
}

start() {
  local started
  started=$(now_ms)
  # setsid: its own process group, so we can signal npm, node and nothing else.
  env -u DATABASE_URL DATA_DIR="$data_dir" PORT="$port" LOG_LEVEL=info setsid "$@" >>"$log" 2>&1 &
  pid=$!
  disown "$pid" 2>/dev/null || true
  wait_healthy "$started"
}

start npm start
echo "cold start (npm start, fresh DATA_DIR, initdb included): ${start_ms} ms"
curl -fsS "http://127.0.0.1:$port/docs" | grep -q swagger-ui
curl -fsS "http://127.0.0.1:$port/docs-json" | grep -q '"/health"'

node_pid=$(pgrep -g "$pid" -f "node dist/src/main.js" | head -n1)
kill -KILL "$node_pid"
kill -KILL "-$pid" 2>/dev/null || true
sleep 0.5

start node dist/src/main.js
echo "start after SIGKILL (orphaned database recovered): ${start_ms} ms"

kill -TERM "$pid"
for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
  echo "Strata did not stop on SIGTERM" >&2
  exit 1
fi
if pgrep -f "$data_dir/postgres" >/dev/null; then
  echo "The embedded PostgreSQL outlived Strata" >&2
  exit 1
fi

start npm start
echo "warm start (npm start, existing DATA_DIR, build up to date): ${start_ms} ms"
# SIGTERM to npm alone, as a service manager sends it: node and PostgreSQL must stop too.
kill -TERM "$pid"
for _ in $(seq 1 300); do
  pgrep -f "$data_dir/postgres" >/dev/null || pgrep -g "$pid" >/dev/null || break
  sleep 0.1
done
if pgrep -g "$pid" >/dev/null || pgrep -f "$data_dir/postgres" >/dev/null; then
  echo "SIGTERM to npm start left Strata or its PostgreSQL running" >&2
  exit 1
fi
echo "smoke test passed"
