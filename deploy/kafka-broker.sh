#!/usr/bin/env bash
# Runs one Kafka broker (KRaft, broker and controller in one process) from Kafka's own jars, the ones Maven resolved
# for this project (/spean/lib; decision 0052). Its settings come from KAFKA_* environment variables, named as in
# Apache Kafka's image (KAFKA_MIN_INSYNC_REPLICAS → min.insync.replicas; "__" → "_", "___" → "-"); the secrets are read
# from the TLS volume that deploy/kafka-tls.sh fills: the keystore password and the administrator's SCRAM password,
# which the broker also logs in with to the other brokers. The storage in /kafka is formatted on the first start, with
# the administrator's SCRAM login in the cluster's metadata, and reused afterwards.
#   CLUSTER_ID=<22 base64url characters> KAFKA_NODE_ID=1 ... kafka-broker.sh
set -euo pipefail
tls=${TLS_DIR:-/tls}
data=${KAFKA_DATA_DIR:-/kafka}
: "${CLUSTER_ID:?set CLUSTER_ID to the id of the cluster, 22 base64url characters}"
password=$(cat "$tls/password")
admin_password=$(cat "$tls/admin.password")
umask 077
mkdir -p "$data"
properties=$data/server.properties

{
  echo "# Written by kafka-broker.sh at each start, from KAFKA_* variables and the TLS volume"
  env | grep '^KAFKA_' | grep -v '^KAFKA_DATA_DIR=' | sort | while IFS='=' read -r name value; do
    key=${name#KAFKA_}
    key=${key,,}
    key=${key//___/-}
    key=${key//__/@}
    key=${key//_/.}
    printf '%s=%s\n' "${key//@/_}" "$value"
  done
  echo "log.dirs=$data/logs"
  echo "ssl.keystore.password=$password"
  echo "ssl.key.password=$password"
  echo "ssl.truststore.password=$password"
  echo "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"spean-admin\" password=\"$admin_password\";"
} > "$properties"

classpath='/spean/lib/*'
if [ ! -f "$data/logs/meta.properties" ]; then
  java -cp "$classpath" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$properties" \
    --add-scram "SCRAM-SHA-512=[name=spean-admin,password=$admin_password]"
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.kafka.Kafka=info \
  -cp "$classpath" kafka.Kafka "$properties"
