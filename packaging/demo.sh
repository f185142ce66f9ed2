#!/usr/bin/env bash
# The built-in demo, everything local: a clickhouse-server, the Aiven API emulator seeded with a project (a
# ClickHouse and a Kafka service, an integration with two tables, topics with a few hundred JSON messages in
# librdkafka's mock Kafka cluster), the integration's Kafka-engine tables created in that ClickHouse as Aiven
# would, a destination table + materialized view per connector table (ckstudio-cli ddl --execute), and a
# producer that sends three new events every two seconds. Within seconds rows flow from the topic into
# default.events_data. Then ckstudio opens, connected to both. Closing it (or Ctrl-C) stops everything.
#
# Usage: packaging/demo.sh [--no-gui | --check] [BUILD_DIR] [-- ckstudio arguments]
#   --no-gui   start everything, print the endpoints, wait for Ctrl-C (also: CKSTUDIO_DEMO_NO_GUI=1)
#   --check    start everything, wait until produced events reach ClickHouse, print what arrived, stop;
#              exit 0 when rows flowed, 1 when not within 60 s
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=gui
[[ "${CKSTUDIO_DEMO_NO_GUI:-}" == 1 ]] && mode=no-gui
build=$root/build
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-gui) mode=no-gui; shift ;;
    --check) mode=check; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) build=$1; shift ;;
  esac
done
bin=$build/bin
for tool in ckstudio-aiven-emulator ckstudio-cli; do
  [[ -x "$bin/$tool" ]] || { echo "demo: $bin/$tool is missing; build first (cmake --build $build)" >&2; exit 2; }
done
state=$(mktemp -d -t ckstudio-demo.XXXXXX)
pids=()
cleanup() {
  trap - EXIT INT TERM
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done # e.g. the --no-gui wait's sleep
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# ClickHouse on loopback, in the temporary state directory. The profile flushes Kafka blocks every second
# (18.16 waits 7.5 s by default) and allows LowCardinality columns (experimental on 18.x).
ch_http=$(free_port); ch_tcp=$(free_port)
mkdir -p "$state/ch"
cat >"$state/ch/config.xml" <<XML
<yandex>
  <logger><level>${CKSTUDIO_DEMO_LOG_LEVEL:-warning}</level><log>$state/ch/server.log</log><errorlog>$state/ch/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$ch_http</http_port><tcp_port>$ch_tcp</tcp_port>
  <path>$state/ch/data/</path><tmp_path>$state/ch/tmp/</tmp_path>
  <user_files_path>$state/ch/user_files/</user_files_path><format_schema_path>$state/ch/schemas/</format_schema_path>
  <users_config>$state/ch/users.xml</users_config>
  <default_profile>default</default_profile><default_database>default</default_database>
  <mark_cache_size>104857600</mark_cache_size>
</yandex>
XML
cat >"$state/ch/users.xml" <<XML
<yandex>
  <profiles><default>
    <stream_flush_interval_ms>1000</stream_flush_interval_ms>
    <allow_experimental_low_cardinality_type>1</allow_experimental_low_cardinality_type>
  </default></profiles>
  <users><default><password></password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
XML
clickhouse-server --config-file="$state/ch/config.xml" >"$state/ch/stdout.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$ch_http/ping" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$ch_http/ping" >/dev/null || { echo "demo: clickhouse-server did not start" >&2; exit 1; }
ch() { curl -sf "http://127.0.0.1:$ch_http/" --data-binary "$1"; }

# The Aiven API emulator: topics in a mock Kafka cluster, the seed's integration applied to that ClickHouse.
api_port=$(free_port)
"$bin/ckstudio-aiven-emulator" --port "$api_port" --seed "$root/tests/fixtures/aiven/seed.json" \
  --clickhouse "http://127.0.0.1:$ch_http/" --token demo-token >"$state/emulator.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  grep -q "^listening on" "$state/emulator.log" 2>/dev/null && break
  sleep 0.1
done
grep -q "^listening on" "$state/emulator.log" || { echo "demo: emulator did not start" >&2; cat "$state/emulator.log" >&2; exit 1; }
bootstrap=$(sed -n 's/^kafka demo-kafka bootstrap //p' "$state/emulator.log")

export AIVEN_WEB_URL="http://127.0.0.1:$api_port"
export AIVEN_AUTH_TOKEN=demo-token
export CLICKHOUSE_URL="http://127.0.0.1:$ch_http/"
export CLICKHOUSE_USER=default
integration=3f6c1c1e-8a5b-4c7e-9d3a-1b2c3d4e5f60

# The connector tables appear once the emulator has applied the integration.
for _ in $(seq 1 100); do
  [[ "$(ch "SELECT count() FROM system.tables WHERE database = 'service_demo-kafka' AND engine = 'Kafka'" 2>/dev/null)" == 2 ]] && break
  sleep 0.1
done

# Destination tables + materialized views, generated from the integration's config by ckstudio itself.
CKSTUDIO_STATE_DIR="$state/cli" "$bin/ckstudio-cli" pull --project demo-project --integration "$integration" \
  -o "$state/integration.json" >"$state/pull.log" 2>&1 ||
  { echo "demo: pulling the integration failed:" >&2; cat "$state/pull.log" >&2; exit 1; }
"$bin/ckstudio-cli" ddl "$state/integration.json" --kafka-service demo-kafka --execute >"$state/ddl.log" 2>&1 ||
  { echo "demo: creating the destination tables failed:" >&2; cat "$state/ddl.log" >&2; exit 1; }

# New events every two seconds, three at a time, through the Kafka REST endpoint as an application would
# produce them. (18.16's Kafka engine flushes a block when the topic goes quiet for a poll or the block is
# full; a message every second without pause would keep one block open.)
produce_events() {
  local id=100000 types=(view click purchase)
  while sleep 2; do
    local now records=""
    now=$(date -u '+%Y-%m-%d %H:%M:%S')
    for _ in 1 2 3; do
      id=$((id + 1))
      records+="${records:+,}{\"value\":{\"id\":$id,\"user_id\":\"user-$((id % 17))\",\"event_type\":\"${types[id % 3]}\",\"amount\":$((id % 500)).5,\"ts\":\"$now\"}}"
    done
    curl -sf -o /dev/null -H "Authorization: aivenv1 demo-token" -H 'Content-Type: application/json' \
      "$AIVEN_WEB_URL/v1/project/demo-project/service/demo-kafka/kafka/rest/topics/events/produce" \
      --data-binary "{\"format\":\"json\",\"records\":[$records]}" || true
  done
}
produce_events &
pids+=($!)

echo "demo: Aiven API emulator at $AIVEN_WEB_URL (token demo-token), ClickHouse at $CLICKHOUSE_URL"
echo "demo: Kafka (mock cluster) for demo-kafka at $bootstrap; three new events every 2 s on topic events"
echo "demo: events flow: topic events -> service_demo-kafka.events (Kafka engine) -> events_mv -> default.events_data"

case "$mode" in
  check)
    for _ in $(seq 1 60); do
      n=$(ch "SELECT count() FROM default.events_data WHERE id > 100000" 2>/dev/null || echo 0)
      [[ "${n:-0}" -ge 3 ]] && break
      sleep 1
    done
    echo "demo: default.events_data holds $(ch "SELECT count() FROM default.events_data") rows, newest:"
    ch "SELECT id, user_id, event_type, amount, ts FROM default.events_data ORDER BY id DESC LIMIT 3 FORMAT PrettyCompactNoEscapes"
    [[ "${n:-0}" -ge 3 ]] || { echo "demo: produced events did not reach ClickHouse within 60 s" >&2; cat "$state/emulator.log" >&2; exit 1; }
    ;;
  no-gui)
    echo "demo: running without the GUI; Ctrl-C stops everything"
    while true; do sleep 3600 & wait $! || true; done
    ;;
  *)
    "$bin/ckstudio" "$@" || true
    ;;
esac
