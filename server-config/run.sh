#!/usr/bin/env bash
# Builds Postbox and runs it: Payara Micro with the Postbox resource adapter on the embedded H2 database,
# the admin application and the demo application. Stop with Ctrl+C.
#   POSTBOX_PORT     HTTP port (default 8080)
#   POSTBOX_DB=postgresql   use PostgreSQL instead of H2 (see server-config/README.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${POSTBOX_PORT:-8080}"
db="${POSTBOX_DB:-h2}"
cd "$root"

echo "Building Postbox (mvn install -DskipTests)..."
mvn -B -q install -DskipTests

runtime="$root/server-config/target/runtime"
log="$root/server-config/target/payara-micro.log"
addlibs=()
if [ "$db" = "postgresql" ]; then
  addlibs=(--addlibs "$runtime/postgresql.jar")
fi

echo "Starting Payara Micro on port $port with Postbox on $db (log: $log)..."
java -jar "$runtime/payara-micro.jar" --nocluster --port "$port" "${addlibs[@]}" \
  --postbootcommandfile "$root/server-config/target/asadmin/postboot-$db.asadmin" \
  --deploy "$runtime/postbox-admin.war" \
  --deploy "$root/server-config/target/postbox-demo.war" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 120); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Payara Micro stopped during start-up; last lines of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if curl -fs "http://localhost:$port/postbox-admin/api/queues" > /dev/null 2>&1 \
     && curl -fs "http://localhost:$port/postbox-demo/api/messages" > /dev/null 2>&1; then
    break
  fi
  sleep 1
done

cat <<INFO

Postbox is running (Payara Micro, resource adapter 'postbox', store: $db).
  Send a message:     curl -X POST -H 'Content-Type: text/plain' -d 'Hello, Postbox' http://localhost:$port/postbox-demo/api/messages
  Consumed by the MDB: http://localhost:$port/postbox-demo/api/messages   (and "Demo MDB consumed" in $log)
  Queues and depths:   http://localhost:$port/postbox-admin/   (REST: http://localhost:$port/postbox-admin/api/queues)
Press Ctrl+C to stop.
INFO
tail -n 0 -f "$log" | grep --line-buffered -E "Demo MDB consumed|PBX-[0-9]+|SEVERE" &
wait $pid
