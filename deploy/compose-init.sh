#!/usr/bin/env bash
# The development shortcut of docker-compose.yml's spean-init service, run once on empty volumes: `spean init` makes
# the authority's keys, every member's keys in its own volume and the signed federation configuration; then each
# member gets a Kafka password in its own volume (kafka.password, for its node's --kafka-password-file) and a copy in
# the cluster operator's `logins` volume (for `spean kafka acls --apply --member-password-file`), and the subsystems
# named in SPEAN_CLIENTS get a development client certificate registered at their member's node (`spean client issue`).
# In production none of this happens here: each member makes its keys on its own host (README, operators).
set -euo pipefail
data=/data
spean() {
  java -Dspean.home=/spean -jar /spean/spean.jar "$@"
}
if [ ! -f "$data/federation/federation.json" ]; then
  # spean init refuses a folder that holds an authority folder, and here each folder is a mounted volume already:
  # it works in a scratch folder of this container, whose contents then move into the volumes.
  scratch=$(mktemp -d)
  spean init --data "$scratch/data"
  for folder in "$scratch"/data/*; do
    cp -a "$folder/." "$data/$(basename "$folder")/"
  done
  rm -rf "$scratch"
fi
umask 077
for member in "$data"/KH.*; do
  name=$(basename "$member")
  if [ ! -f "$member/kafka.password" ]; then
    head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$member/kafka.password"
  fi
  cp "$member/kafka.password" "/logins/$name"
done
for subsystem in ${SPEAN_CLIENTS:-}; do
  member=$(echo "$subsystem" | cut -d/ -f1-3 | tr / .)
  code=$(echo "$subsystem" | cut -d/ -f4)
  if [ ! -f "$data/$member/edge/clients/$code.crt" ]; then
    spean client issue --data "$data" --subsystem "$subsystem" >/dev/null
  fi
done
echo "spean-init: keys, federation configuration, Kafka passwords and client certificates in place"
