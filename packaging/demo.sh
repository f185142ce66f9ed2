#!/usr/bin/env bash
# The built-in demo: a local clickhouse-server and the Aiven API emulator (seeded with a project holding a
# ClickHouse and a Kafka service, an integration with two tables and topics with messages in librdkafka's mock
# cluster), then ckstudio connected to both. Closing the app stops everything the demo started.
# Usage: packaging/demo.sh [BUILD_DIR]   (the README's first command builds first, then runs this)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin=$build/bin
state=$(mktemp -d -t ckstudio-demo.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$state"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# ClickHouse on loopback, in the temporary state directory.
ch_http=$(free_port); ch_tcp=$(free_port)
mkdir -p "$state/ch"
cat >"$state/ch/config.xml" <<XML
<yandex>
  <logger><level>warning</level><log>$state/ch/server.log</log><errorlog>$state/ch/error.log</errorlog><console>0</console></logger>
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
  <profiles><default><stream_flush_interval_ms>1000</stream_flush_interval_ms></default></profiles>
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

# The Aiven API emulator, applying integrations to that ClickHouse.
api_port=$(free_port)
"$bin/ckstudio-aiven-emulator" --port "$api_port" --seed "$root/tests/fixtures/aiven/seed.json" \
  --clickhouse "http://127.0.0.1:$ch_http/" --token demo-token >"$state/emulator.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  grep -q "listening on" "$state/emulator.log" 2>/dev/null && break
  sleep 0.1
done
grep -q "listening on" "$state/emulator.log" || { echo "demo: emulator did not start" >&2; cat "$state/emulator.log" >&2; exit 1; }

export AIVEN_WEB_URL="http://127.0.0.1:$api_port"
export AIVEN_AUTH_TOKEN=demo-token
export CLICKHOUSE_URL="http://127.0.0.1:$ch_http/"
export CLICKHOUSE_USER=default
echo "demo: Aiven API emulator at $AIVEN_WEB_URL, ClickHouse at $CLICKHOUSE_URL"
"$bin/ckstudio" "$@" || true
