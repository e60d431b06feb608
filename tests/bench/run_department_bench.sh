#!/usr/bin/env bash
# The department-connector benchmark (issue 5 item 7): the pipeline benchmark's workload, now
# as a department's signed callbacks through the real `department` connector — five-header
# signature check with its replay guard, mappings/department/event.json, the ticket lifecycle,
# the durable commit (SQLite WAL, synchronous=FULL) and delivery to the core platform
# simulator. Reports acknowledged/s, ack latency percentiles, delivered/s and the gateway's
# peak RSS, like run_pipeline_bench.sh.
#
#   tests/bench/run_department_bench.sh [BUILD_DIR] [CONNECTIONS] [SECONDS]
#
# Setup (not measured): the core platform simulator's role is played by ingest_load, which
# assigns TICKETS tickets (YC-BENCH-0..N-1) to unit YC-CSGLJ through POST /v1/outbound/tickets;
# the gateway pushes them to `hotline-sim department` (no behaviour); once it has them all,
# each is signed in (one signed callback, actionCode 01). Measured: ingest_load sends signed
# ~1.5 KB progress callbacks (actionCode 02) round-robin over the tickets.
#
# Environment: TICKETS (2000), GW_THREADS (48), WINDOW_S (the connector's window_s; see
# below), PERF_OUT=FILE (perf record -F 999 -g on the gateway for 3 s in the middle of the
# measured window; reports go to FILE and FILE.threads, samples to FILE.data),
# PERF_CALL_GRAPH (fp, or dwarf for usable call chains). Everything runs on loopback, on free ports, in a
# temporary directory, and is stopped at the end. Use a RelWithDebInfo build (`build/`).
set -euo pipefail

BUILD=${1:-build}
CONNECTIONS=${2:-32}
SECONDS_TO_RUN=${3:-15}
TICKETS=${TICKETS:-2000}
GW_THREADS=${GW_THREADS:-48}
# The connector's signature window. Its replay guard keeps every nonce for the window, at most
# `replay_cache` nonces (50,000 by default), and answers 503 beyond that: at the default 300 s
# one department can send ~167 signed calls/s sustained. The benchmark uses the smallest
# window the connector accepts (10 s) and room for 400,000 nonces (40,000 calls/s), so that
# the replay guard is not what limits it (REPLAY_CACHE to change).
WINDOW_S=${WINDOW_S:-10}
REPLAY_CACHE=${REPLAY_CACHE:-400000}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/hotline-dept-bench-XXXXXX)

USED_PORTS=""
pick_port() { # pick_port VAR: a free loopback port not handed out before
  local port
  while :; do
    # Below Linux's ephemeral range (32768 and up): a port from that range can be taken by
    # an outgoing connection of the simulators between this check and the gateway's bind.
    port=$((20000 + RANDOM % 12000))
    case " $USED_PORTS " in *" $port "*) continue ;; esac
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && continue
    USED_PORTS="$USED_PORTS $port"
    printf -v "$1" '%s' "$port"
    return
  done
}
pick_port SIM_PORT
pick_port DEPT_PORT
pick_port GW_PORT
pick_port ADMIN_PORT

cleanup() {
  local rc=$?
  [ -n "${PERF_PID:-}" ] && kill "$PERF_PID" 2> /dev/null || true
  [ -n "${LOAD_PID:-}" ] && kill "$LOAD_PID" 2> /dev/null || true
  [ -n "${GW_PID:-}" ] && kill "$GW_PID" 2> /dev/null || true
  [ -n "${DEPT_PID:-}" ] && kill "$DEPT_PID" 2> /dev/null || true
  [ -n "${SIM_PID:-}" ] && kill "$SIM_PID" 2> /dev/null || true
  wait 2> /dev/null || true
  if [ "$rc" = 0 ]; then
    rm -rf "$WORK"
  else
    echo "failed; logs kept in $WORK" >&2
  fi
}
trap cleanup EXIT

# Keys for this run only; they stay in files (never on a command line, never printed).
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/cgj.key"
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/core.token"
cat > "$WORK/gateway.json" << JSON
{
  "http": {"port": $GW_PORT, "threads": $GW_THREADS, "max_queued": 1024},
  "admin": {"port": $ADMIN_PORT, "token_file": "$WORK/admin.token"},
  "store": {"path": "$WORK/gateway.db"},
  "log": {"level": "warn"},
  "mappings": {"dir": "$REPO/mappings", "params": {"hotline_system": "yucheng-12345"}},
  "core_platform": {"base_url": "http://127.0.0.1:$SIM_PORT", "bulk": true, "max_batch": 500,
                    "max_in_flight": 4, "outbound_token": "file:$WORK/core.token"},
  "connectors": [
    {"name": "dept-cgj", "type": "department", "units": ["YC-CSGLJ"],
     "config": {"app_key": "yc-cgj", "secret": "file:$WORK/cgj.key", "system": "yucheng-cgj",
                "endpoint": "http://127.0.0.1:$DEPT_PORT/api", "window_s": $WINDOW_S,
                "replay_cache": $REPLAY_CACHE}}
  ]
}
JSON

"$BUILD/bin/hotline-sim" core --port "$SIM_PORT" --threads 8 > "$WORK/sim.out" 2> "$WORK/sim.err" &
SIM_PID=$!
"$BUILD/bin/hotline-sim" department --port "$DEPT_PORT" --threads 8 --app-key yc-cgj \
  --secret-file "$WORK/cgj.key" --unit-code YC-CSGLJ --case-prefix CGJ-BENCH \
  --gateway "http://127.0.0.1:$GW_PORT/connectors/dept-cgj" > "$WORK/dept.out" 2> "$WORK/dept.err" &
DEPT_PID=$!
"$BUILD/bin/hotline-gateway" run --config "$WORK/gateway.json" 2> "$WORK/gateway.log" &
GW_PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$GW_PORT/healthz" > /dev/null 2>&1 && break
  sleep 0.1
done

stat_of() { # stat_of URL NAME: one counter of a simulator's /sim/stats
  curl -s "$1/sim/stats" | sed -E "s/.*\"$2\":([0-9]+).*/\1/"
}
metric() { # metric PATTERN: the value of the gateway's first metric line matching it
  curl -s -H "Authorization: Bearer $(cat "$WORK/admin.token")" \
    "http://127.0.0.1:$ADMIN_PORT/metrics" | grep "^$1" | head -1 | awk '{print $2}'
}
wait_drained() { # until the outbox has nothing pending (at most 60 s); echoes the seconds
  local start
  start=$(date +%s.%N)
  for _ in $(seq 1 600); do
    [ "$(metric 'hotline_outbox_rows{state="pending"}')" = "0" ] && break
    sleep 0.1
  done
  awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}"
}
setup_step() { # setup_step NAME ARGS...: a counted ingest_load run that must fully succeed
  local name=$1
  shift
  if ! "$BUILD/bin/ingest_load" --port "$GW_PORT" --connections 8 --count "$TICKETS" \
    --tickets "$TICKETS" --run-id "setup" "$@" > "$WORK/$name.json" 2> "$WORK/$name.err"; then
    echo "setup: $name failed: $(cat "$WORK/$name.json") $(tr '\n' ' ' < "$WORK/$name.err")" >&2
    exit 1
  fi
}

# ---- setup (not measured) ----
SETUP_START=$(date +%s.%N)
setup_step assign --path /v1/outbound/tickets --core-token "file:$WORK/core.token"
for _ in $(seq 1 1200); do
  [ "$(stat_of "http://127.0.0.1:$DEPT_PORT" received)" -ge "$TICKETS" ] && break
  sleep 0.1
done
PUSHED=$(stat_of "http://127.0.0.1:$DEPT_PORT" received)
[ "$PUSHED" -ge "$TICKETS" ] || { echo "setup: only $PUSHED of $TICKETS tasks pushed" >&2; exit 1; }
setup_step sign --path /connectors/dept-cgj/dept/v1/callbacks \
  --department "yc-cgj:file:$WORK/cgj.key" --action-code 01
wait_drained > /dev/null
SETUP_S=$(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $SETUP_START}")
cpu_seconds() { awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$1/stat"; }
GW_CPU0=$(cpu_seconds "$GW_PID")
SIM_CPU0=$(cpu_seconds "$SIM_PID")
BATCHES0=$(metric hotline_commit_batches_total)

# ---- measured ----
WARMUP=2
"$BUILD/bin/ingest_load" --port "$GW_PORT" --path /connectors/dept-cgj/dept/v1/callbacks \
  --connections "$CONNECTIONS" --seconds "$SECONDS_TO_RUN" --warmup-seconds "$WARMUP" \
  --body-bytes 1536 --department "yc-cgj:file:$WORK/cgj.key" --tickets "$TICKETS" \
  --ticket-prefix YC-BENCH- --action-code 02 > "$WORK/load.json" 2> "$WORK/load.err" &
LOAD_PID=$!
sleep "$WARMUP"
BEFORE=$(stat_of "http://127.0.0.1:$SIM_PORT" accepted)
if [ -n "${PERF_OUT:-}" ] && command -v perf > /dev/null; then
  sleep $(((SECONDS_TO_RUN - 3) / 2))
  # PERF_CALL_GRAPH=dwarf attributes time to callers in this -O2 build (no frame pointers).
  perf record -F 999 --call-graph "${PERF_CALL_GRAPH:-fp}" -p "$GW_PID" -o "$PERF_OUT.data" \
    -- sleep 3 > /dev/null 2>&1 || true
  sleep $((SECONDS_TO_RUN - 3 - (SECONDS_TO_RUN - 3) / 2))
else
  sleep "$SECONDS_TO_RUN"
fi
AFTER=$(stat_of "http://127.0.0.1:$SIM_PORT" accepted)
wait "$LOAD_PID" || true
LOAD_PID=""
GW_CPU=$(awk "BEGIN{printf \"%.1f\", $(cpu_seconds "$GW_PID") - $GW_CPU0}")
SIM_CPU=$(awk "BEGIN{printf \"%.1f\", $(cpu_seconds "$SIM_PID") - $SIM_CPU0}")
RSS_KB=$(grep VmHWM "/proc/$GW_PID/status" | awk '{print $2}')
BATCHES=$(($(metric hotline_commit_batches_total) - BATCHES0))
ACKED=$(sed -E 's/.*"acknowledged":([0-9]+).*/\1/' "$WORK/load.json")
DRAIN_S=$(wait_drained)

echo "setup:     $TICKETS tickets assigned, pushed to the department and signed in (${SETUP_S}s);" \
  "connector window_s $WINDOW_S, replay_cache $REPLAY_CACHE"
echo "load:      $(cat "$WORK/load.json")"
echo "statuses:  $(tr '\n' ' ' < "$WORK/load.err")"
echo "delivered: $(((AFTER - BEFORE) / SECONDS_TO_RUN))/s during the measured window" \
  "($((AFTER - BEFORE)) items); backlog drained ${DRAIN_S}s after the load stopped"
echo "peak RSS:  $((RSS_KB / 1024)) MiB (VmHWM of the gateway, setup included)"
echo "cpu:       gateway ${GW_CPU}s, simulator ${SIM_CPU}s over $((WARMUP + SECONDS_TO_RUN))s of load" \
  "(the load driver reports its own)"
echo "commits:   ${BATCHES} transactions during the load (inbound submits and delivery outcomes together)"
echo "sim:       $(curl -s "http://127.0.0.1:$SIM_PORT/sim/stats")"
echo "dept sim:  $(curl -s "http://127.0.0.1:$DEPT_PORT/sim/stats")"
echo "acked in window: $ACKED"
if [ -n "${PERF_OUT:-}" ] && [ -f "$PERF_OUT.data" ]; then
  perf report -i "$PERF_OUT.data" --stdio --no-children --sort dso,sym -g none \
    > "$PERF_OUT" 2> /dev/null || true
  perf report -i "$PERF_OUT.data" --stdio --no-children --sort pid -g none \
    > "$PERF_OUT.threads" 2> /dev/null || true
  echo "perf:      self time by symbol in $PERF_OUT, by thread in $PERF_OUT.threads" \
    "(samples in $PERF_OUT.data)"
fi
