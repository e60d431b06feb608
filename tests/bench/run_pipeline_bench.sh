#!/usr/bin/env bash
# The pipeline benchmark (issue: durable pipeline): signed 1.5 KB tickets POSTed over
# keep-alive HTTP to a connector endpoint that checks an HMAC-SHA256 signature, durably
# committed (SQLite WAL, synchronous=FULL) and delivered to the core platform simulator.
# Reports acknowledged/s, ack latency percentiles, delivered/s and the gateway's peak RSS.
#
#   tests/bench/run_pipeline_bench.sh [BUILD_DIR] [CONNECTIONS] [SECONDS]
#
# Everything runs on loopback, on free ports, in a temporary directory, and is stopped at
# the end. Use a RelWithDebInfo build (the default `build/`).
set -euo pipefail

BUILD=${1:-build}
CONNECTIONS=${2:-32}
SECONDS_TO_RUN=${3:-15}
WORK=$(mktemp -d /tmp/hotline-bench-XXXXXX)
SIM_PORT=${SIM_PORT:-18090}
GW_PORT=${GW_PORT:-18080}
ADMIN_PORT=${ADMIN_PORT:-18081}
GW_THREADS=${GW_THREADS:-48}

cleanup() {
  [ -n "${GW_PID:-}" ] && kill "$GW_PID" 2>/dev/null || true
  [ -n "${SIM_PID:-}" ] && kill "$SIM_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  # The store grows by ~25 KiB a message; KEEP_WORK=1 keeps it for a look afterwards.
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

echo "bench-hmac-key-$(date +%s)" > "$WORK/bench.key"
cat > "$WORK/gateway.json" <<JSON
{
  "http": {"port": $GW_PORT, "threads": $GW_THREADS, "max_queued": 1024},
  "admin": {"port": $ADMIN_PORT, "token_file": "$WORK/admin.token"},
  "store": {"path": "$WORK/gateway.db"},
  "log": {"level": "warn"},
  "core_platform": {"base_url": "http://127.0.0.1:$SIM_PORT", "bulk": true, "max_batch": 500,
                    "max_in_flight": 4},
  "connectors": [
    {"name": "bench", "type": "example",
     "config": {"path": "/tickets", "hmac_secret": "file:$WORK/bench.key"}}
  ]
}
JSON

"$BUILD/bin/hotline-sim" core --port "$SIM_PORT" --threads 8 > "$WORK/sim.out" 2> "$WORK/sim.err" &
SIM_PID=$!
"$BUILD/bin/hotline-gateway" run --config "$WORK/gateway.json" 2> "$WORK/gateway.log" &
GW_PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$GW_PORT/healthz" > /dev/null 2>&1 && break
  sleep 0.1
done

accepted() { curl -s "http://127.0.0.1:$SIM_PORT/sim/stats" | sed -E 's/.*"accepted":([0-9]+).*/\1/'; }

SECRET=$(cat "$WORK/bench.key")
WARMUP=2
"$BUILD/bin/ingest_load" --port "$GW_PORT" --path /connectors/bench/tickets \
  --connections "$CONNECTIONS" --seconds "$SECONDS_TO_RUN" --warmup-seconds "$WARMUP" \
  --body-bytes 1536 --secret "$SECRET" > "$WORK/load.json" 2> "$WORK/load.err" &
LOAD_PID=$!
sleep "$WARMUP"
BEFORE=$(accepted)
sleep "$SECONDS_TO_RUN"
AFTER=$(accepted)
wait "$LOAD_PID" || true
cpu_seconds() { awk '{printf "%.1f (user %.1f, system %.1f)", ($14 + $15) / 100, $14 / 100, $15 / 100}' "/proc/$1/stat"; }
GW_CPU=$(cpu_seconds "$GW_PID")
SIM_CPU=$(cpu_seconds "$SIM_PID")
RSS_KB=$(grep VmHWM "/proc/$GW_PID/status" | awk '{print $2}')

METRICS=$(curl -s -H "Authorization: Bearer $(cat "$WORK/admin.token")" \
  "http://127.0.0.1:$ADMIN_PORT/metrics")
BATCHES=$(echo "$METRICS" | grep '^hotline_commit_batches_total' | awk '{print $2}')
ACKED=$(sed -E 's/.*"acknowledged":([0-9]+).*/\1/' "$WORK/load.json")
DRAIN_START=$(date +%s.%N)
for _ in $(seq 1 600); do
  pending=$(curl -s -H "Authorization: Bearer $(cat "$WORK/admin.token")" \
    "http://127.0.0.1:$ADMIN_PORT/metrics" | grep '^hotline_outbox_rows{state="pending"}' | awk '{print $2}')
  [ "$pending" = "0" ] && break
  sleep 0.1
done
DRAIN_S=$(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $DRAIN_START}")

echo "load:      $(cat "$WORK/load.json")"
echo "statuses:  $(tr '\n' ' ' < "$WORK/load.err")"
echo "delivered: $(( (AFTER - BEFORE) / SECONDS_TO_RUN ))/s during the measured window" \
     "($(( AFTER - BEFORE )) items); backlog drained ${DRAIN_S}s after the load stopped"
echo "peak RSS:  $(( RSS_KB / 1024 )) MiB (VmHWM of the gateway)"
echo "cpu:       gateway ${GW_CPU}s, simulator ${SIM_CPU}s over $(( WARMUP + SECONDS_TO_RUN ))s of load" \
     "(the load driver reports its own)"
echo "commits:   ${BATCHES} transactions (inbound submits and delivery outcomes together)"
echo "sim:       $(curl -s "http://127.0.0.1:$SIM_PORT/sim/stats")"
echo "acked in window: $ACKED"
