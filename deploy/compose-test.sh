#!/usr/bin/env bash
# The compose test: docker-compose.yml brought up for real and played through, then torn down.
#   deploy/compose-test.sh          (as root; after `mvn -B verify`, or it builds the jar it needs)
# Installs Docker's engine, Compose and mmdebstrap when missing (Debian's docker.io, docker-compose) and starts dockerd
# when none runs; makes the base image from Debian's packages (deploy/base-image.sh) unless SPEAN_BASE_IMAGE names one;
# builds the image; brings up three brokers, the init and TLS steps, the mock backends and a node per ministry; plays
# the demo's exchanges through the nodes' published ports with each subsystem's client certificate; kills a broker
# under load and starts it again, counting calls sent and answered and one-way messages accepted and delivered; checks
# every node's message log with `spean audit verify`; stops a node, starts it again and calls through it. Whatever
# happens, it removes its containers, network and volumes and stops the dockerd it started. Prints counts and the time
# of each step; exits non-zero on the first expectation that fails.
set -euo pipefail
cd "$(dirname "$0")/.."

project=spean-compose-test
# Host ports away from the demo's (8080…, 8090…, 8100…).
export SPEAN_MOI_NODE_PORT=18081 SPEAN_MEF_NODE_PORT=18082 SPEAN_MPTC_NODE_PORT=18083 SPEAN_MLMUPC_NODE_PORT=18084
export SPEAN_MOI_ID_REGISTRY_BACKEND_PORT=18091 SPEAN_MEF_BUSINESS_REGISTRY_BACKEND_PORT=18092
export SPEAN_MPTC_WEB_BLOCKLIST_BACKEND_PORT=18093 SPEAN_MLMUPC_LAND_REGISTRY_BACKEND_PORT=18094
export SPEAN_MOI_ANTI_SCAM_BACKEND_PORT=18095
export SPEAN_BASE_IMAGE=${SPEAN_BASE_IMAGE:-spean/debian-jre:17}
export COMPOSE_HTTP_TIMEOUT=300
load_seconds=${SPEAN_COMPOSE_LOAD_SECONDS:-40}
load_callers=${SPEAN_COMPOSE_LOAD_CALLERS:-3}

work=$(mktemp -d)
dockerd_pid=""
test_started=$SECONDS
step_started=$SECONDS

say() {
  echo "compose-test: $*"
}

# Ends a step: its name, what it counted, and how long it took.
done_step() {
  say "[$((SECONDS - step_started)) s] $*"
  step_started=$SECONDS
}

fail() {
  say "FAILED: $*"
  exit 1
}

compose() {
  docker-compose -p "$project" "$@"
}

cleanup() {
  local status=$?
  set +e
  if [ $status -ne 0 ] && docker info >/dev/null 2>&1; then
    say "the last lines of each service's log:"
    compose logs --no-color --tail=15 2>&1 | grep -v -e '^\S* *| *at ' | tail -n 200
    compose ps 2>&1
  fi
  if docker info >/dev/null 2>&1; then
    compose down --volumes --remove-orphans --timeout 10 >/dev/null 2>&1
    say "containers, network and volumes of $project removed ($(docker ps -aq --filter "label=com.docker.compose.project=$project" | wc -l) left)"
  fi
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid" 2>/dev/null
    wait "$dockerd_pid" 2>/dev/null
    say "stopped the dockerd it started"
  fi
  rm -rf "$work"
  say "$([ $status -eq 0 ] && echo PASSED || echo FAILED) in $((SECONDS - test_started)) s"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'say "stopped at line $LINENO: $BASH_COMMAND"' ERR

# ---- the engine ------------------------------------------------------------------------------------------------------
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! docker info >/dev/null 2>&1; then
  dockerd >"$work/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || fail "dockerd stopped: $(tail -5 "$work/dockerd.log")"
    sleep 1
  done
  docker info >/dev/null 2>&1 || fail "dockerd did not answer within 60 s"
fi
compose down --volumes --remove-orphans >/dev/null 2>&1 || true
done_step "Docker engine $(docker version --format '{{.Server.Version}}'), $(docker-compose version --short)"

# ---- the images ------------------------------------------------------------------------------------------------------
if [ "$SPEAN_BASE_IMAGE" = spean/debian-jre:17 ]; then
  deploy/base-image.sh "$SPEAN_BASE_IMAGE"
fi
if [ ! -f gateway/cli/target/spean.jar ] || [ ! -d gateway/cli/target/lib ]; then
  mvn -B -q -pl gateway/cli -am -DskipTests package
fi
compose build -q 2>&1 | grep -v -e 'legacy builder is deprecated' -e 'buildx' -e '^ *$' || true
docker image inspect spean/gateway:0.1.0 >/dev/null || fail "the image was not built"
done_step "image spean/gateway:0.1.0 built on $SPEAN_BASE_IMAGE"

# ---- up --------------------------------------------------------------------------------------------------------------
nodes=(moi-node mef-node mptc-node mlmupc-node)
backends=(moi-id-registry-backend moi-anti-scam-backend mef-business-registry-backend mptc-web-blocklist-backend
          mlmupc-land-registry-backend)

container() {
  compose ps -q "$1"
}

# Waits until a service's health check passes, within $2 seconds.
await_healthy() {
  local service=$1 deadline=$((SECONDS + $2)) state
  while [ $SECONDS -lt $deadline ]; do
    state=$(docker inspect --format '{{.State.Health.Status}}' "$(container "$service")" 2>/dev/null || echo missing)
    [ "$state" = healthy ] && return 0
    sleep 2
  done
  fail "$service not healthy within $2 s (last: $state)"
}
# The cluster, its topics, ACLs and logins, the backends and the timestamp authority first; then the nodes one at a
# time, so that on a small host their starts do not crowd each other out (`docker-compose up -d` alone also gets there:
# a node that finds Kafka too slow to answer stops, and is restarted).
compose up -d kafka-setup timestamp-authority "${backends[@]}" 2>&1 | grep -v -e '^Creating' || true
[ "$(docker inspect --format '{{.State.ExitCode}}' "$(container kafka-setup)")" = 0 ] || fail "kafka-setup failed"
done_step "up: 3 brokers formed a cluster; topics, ACLs, quotas and the 4 members' logins applied; 5 mock backends, the timestamp authority"
for node in "${nodes[@]}"; do
  compose up -d --no-deps "$node" 2>&1 | grep -v -e '^Creating' || true
  await_healthy "$node" 400
done
restarts=0
for node in "${nodes[@]}"; do
  restarts=$((restarts + $(docker inspect --format '{{.RestartCount}}' "$(container "$node")")))
done
done_step "up: 4 nodes healthy (restarted after a slow Kafka: $restarts)"

# ---- the members' edge certificates ----------------------------------------------------------------------------------
port_of() {
  case $1 in
    KH/GOV/MOI) echo "$SPEAN_MOI_NODE_PORT" ;;
    KH/GOV/MEF) echo "$SPEAN_MEF_NODE_PORT" ;;
    KH/GOV/MPTC) echo "$SPEAN_MPTC_NODE_PORT" ;;
    KH/GOV/MLMUPC) echo "$SPEAN_MLMUPC_NODE_PORT" ;;
    *) fail "no node for $1" ;;
  esac
}
for node in "${nodes[@]}"; do
  member=KH.GOV.$(echo "${node%-node}" | tr '[:lower:]' '[:upper:]')
  docker cp "$(container "$node")":"/data/$member/edge" "$work/$member"
done

# call CLIENT SERVICE_PATH BODY_FILE [OUT [HEADER...]]: POSTs at the client's own node with the client's certificate
# and these further headers ("Name: value"); prints the status and the X-Road-Error code (if any); the body goes to OUT.
call() {
  local client=$1 path=$2 body=$3 out=${4:-/dev/null}
  shift $(($# < 4 ? $# : 4))
  local headers=()
  for header in "$@"; do headers+=(-H "$header"); done
  local member subsystem folder
  member=$(echo "$client" | cut -d/ -f1-3)
  subsystem=$(echo "$client" | cut -d/ -f4)
  folder="$work/$(echo "$member" | tr / .)"
  local exit=0
  curl -s -o "$out" -w '%{http_code} %header{x-road-error}' --max-time 60 -X POST \
    "https://127.0.0.1:$(port_of "$member")/r1/$path" --cacert "$folder/node-tls.crt" \
    --cert "$folder/clients/$subsystem.crt" --key "$folder/clients/$subsystem.key" \
    -H "X-Road-Client: $client" -H 'Content-Type: application/json' "${headers[@]}" --data-binary "@$body" || exit=$?
  [ $exit -eq 0 ] || printf 'curl-exit-%s' "$exit"
}

# verifyCitizen holds personal data: the business registry's calls declare its purpose and an official (decision 0057).
declared=('X-Spean-Purpose: BUSINESS_REGISTRATION' 'X-Road-UserId: MEF-REGISTRAR-0042')

# ---- the demo's exchanges --------------------------------------------------------------------------------------------
played=0
for example in $(jq -r '.exchanges[].example' seeds/demo-scenarios.json); do
  jq '.request' "$example" > "$work/request.json"
  client=$(jq -r '.client' "$example")
  service=$(jq -r '.service' "$example")
  expected=$(jq -r '.expect.status' "$example")
  mapfile -t headers < <(jq -r '(.headers // {}) | to_entries[] | "\(.key): \(.value)"' "$example")
  answer=$(call "$client" "$service" "$work/request.json" "$work/answer.json" "${headers[@]}")
  status=${answer%% *}
  [ "$status" = "$expected" ] || fail "$example: $client → $service answered $answer, expected $expected: $(head -c 300 "$work/answer.json")"
  if jq -e '.expect.body' "$example" >/dev/null; then
    jq -e --argjson expected "$(jq '.expect.body' "$example")" 'contains($expected)' "$work/answer.json" >/dev/null \
      || fail "$example: the answer lacks $(jq -c '.expect.body' "$example"): $(head -c 300 "$work/answer.json")"
  fi
  played=$((played + 1))
  say "  $status  $client → $service"
done
done_step "the demo's exchanges: $played played through the published ports, each answered as its example expects"

# ---- a broker killed under load --------------------------------------------------------------------------------------
# backend_ids BACKEND_SERVICE PORT: the X-Road-Id of every request the mock backend received, one a line (its
# certificate names its service, which --resolve points at the published port).
backend_ids() {
  curl -s --max-time 30 --resolve "$1:$2:127.0.0.1" "https://$1:$2/__admin/requests?limit=10000" --cacert "$work/backend-ca.pem" \
    --cert "$work/node-client.pem" --key "$work/node-client.key" \
    | jq -r '.requests[].request.headers["X-Road-Id"] // empty'
}
for file in ca.pem node-client.pem node-client.key; do
  docker cp "$(container mptc-web-blocklist-backend)":"/backend-tls/$file" "$work/${file/ca.pem/backend-ca.pem}"
done
jq '.request' connectors/moi-id-registry/examples/match.json > "$work/verify.json"
jq '.request' connectors/mptc-web-blocklist/examples/report-phishing.json > "$work/report.json"
one_way_before=$(backend_ids mptc-web-blocklist-backend "$SPEAN_MPTC_WEB_BLOCKLIST_BACKEND_PORT" | wc -l)

caller() {
  while [ ! -f "$work/stop" ]; do
    call KH/GOV/MEF/BUSINESS-REGISTRY KH/GOV/MOI/ID-REGISTRY/verifyCitizen "$work/verify.json" /dev/null \
      "${declared[@]}" >> "$work/calls-$1"
    echo >> "$work/calls-$1"
  done
}
reporter() {
  while [ ! -f "$work/stop" ]; do
    call KH/GOV/MOI/ANTI-SCAM KH/GOV/MPTC/WEB-BLOCKLIST/reportScamSite "$work/report.json" >> "$work/reports"
    echo >> "$work/reports"
    sleep 0.5
  done
}
load_pids=()
for i in $(seq "$load_callers"); do
  caller "$i" &
  load_pids+=($!)
done
reporter &
load_pids+=($!)
sleep $((load_seconds / 4))
docker kill --signal KILL "$(container kafka-2)" >/dev/null
killed_at=$SECONDS
say "  kafka-2 killed (SIGKILL) under load"
sleep $((load_seconds / 4))
compose start kafka-2 >/dev/null 2>&1
await_healthy kafka-2 120
say "  kafka-2 back after $((SECONDS - killed_at)) s"
sleep $((load_seconds / 2))
touch "$work/stop"
wait "${load_pids[@]}"

sent=$(cat "$work"/calls-* | grep -c .)
answered=$(cat "$work"/calls-* | grep -c '^200 ')
failures=$(cat "$work"/calls-* | grep -v '^200 ' | grep . | sort | uniq -c | tr '\n' ';' || true)
reports=$(grep -c . "$work/reports")
accepted=$(grep -c '^202 ' "$work/reports")
say "  calls: sent $sent, answered $answered${failures:+, failed: $failures}"
# Every accepted one-way message reaches the backend once: wait for them (bounded), then count ids and repeats.
deadline=$((SECONDS + 120))
while [ $SECONDS -lt $deadline ]; do
  delivered=$(( $(backend_ids mptc-web-blocklist-backend "$SPEAN_MPTC_WEB_BLOCKLIST_BACKEND_PORT" | wc -l) - one_way_before ))
  [ "$delivered" -ge "$accepted" ] && break
  sleep 2
done
ids=$(backend_ids mptc-web-blocklist-backend "$SPEAN_MPTC_WEB_BLOCKLIST_BACKEND_PORT")
twice=$(echo "$ids" | sort | uniq -d | grep -c . || true)
say "  one-way: sent $reports, accepted $accepted, delivered $delivered, delivered twice $twice"
[ "$sent" -gt 0 ] && [ "$answered" -eq "$sent" ] || fail "calls lost or failed while a broker was down: $answered of $sent answered"
[ "$accepted" -eq "$reports" ] || fail "one-way messages refused while a broker was down: $accepted of $reports accepted"
[ "$delivered" -eq "$accepted" ] && [ "$twice" -eq 0 ] || fail "one-way: $delivered delivered of $accepted accepted, $twice twice"
done_step "a broker killed under load: $answered of $sent calls answered, $delivered of $accepted one-way messages delivered once, nothing lost"

# ---- every node's message log ----------------------------------------------------------------------------------------
verify_args=()
mounts=(-v "${project}_federation:/data/federation:ro")
for member in KH.GOV.MOI KH.GOV.MEF KH.GOV.MPTC KH.GOV.MLMUPC; do
  volume=${project}_$(echo "${member#KH.GOV.}" | tr '[:upper:]' '[:lower:]')-keys
  mounts+=(-v "$volume:/data/$member:ro")
  verify_args+=(--log "/data/$member/log")
done
docker run --rm --network none -e JAVA_TOOL_OPTIONS=-Xmx256m "${mounts[@]}" spean/gateway:0.1.0 \
  audit verify "${verify_args[@]}" > "$work/audit.txt" 2>&1 || fail "spean audit verify: $(tail -20 "$work/audit.txt")"
grep -v '^Picked up' "$work/audit.txt" | sed 's/^/  /'
done_step "spean audit verify: the 4 nodes' message logs verify"

# ---- a node stopped and started again --------------------------------------------------------------------------------
compose stop --timeout 20 mef-node >/dev/null 2>&1
compose start mef-node >/dev/null 2>&1
await_healthy mef-node 180
attempts=0
deadline=$((SECONDS + 90))
answer=""
while [ $SECONDS -lt $deadline ]; do
  attempts=$((attempts + 1))
  answer=$(call KH/GOV/MEF/BUSINESS-REGISTRY KH/GOV/MOI/ID-REGISTRY/verifyCitizen "$work/verify.json" /dev/null \
    "${declared[@]}")
  [ "${answer%% *}" = 200 ] && break
  say "  attempt $attempts after the restart: $answer"
done
[ "${answer%% *}" = 200 ] || fail "no call through the restarted node within 90 s: $answer"
done_step "mef-node stopped and started: a call through it answered 200 (attempt $attempts)"
