#!/usr/bin/env bash
# Makes the TLS material of a Kafka cluster and its clients into OUT — never into the repository:
#   ca.p12 / ca.pem       the cluster's own CA (EC P-256)
#   HOST.p12              one keystore per broker: its key, and a certificate naming HOST, issued by the CA
#   truststore.p12        the CA, for brokers and clients
#   client.properties     for `spean gateway --kafka-config` (security.protocol=SSL, the truststore)
#   password              the keystores' password (owner-only)
#   password.properties   the same as `password=…`, for brokers reading it through Kafka's FileConfigProvider
# Paths in client.properties are under TLS_DIR (default OUT): set it to where the clients will see OUT.
#
#   deploy/kafka-tls.sh OUT HOST [HOST...]          e.g. deploy/kafka-tls.sh data/tls kafka-1 kafka-2 kafka-3
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 OUT HOST [HOST...]" >&2
  exit 2
fi
out=$1
shift
keytool=${KEYTOOL:-keytool}
tls_dir=${TLS_DIR:-$out}
validity=825

if [ -f "$out/truststore.p12" ]; then
  echo "kafka-tls: $out already holds TLS material; leaving it as it is"
  exit 0
fi
mkdir -p "$out"
chmod 700 "$out"
umask 077
password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
printf '%s' "$password" > "$out/password"
printf 'password=%s\n' "$password" > "$out/password.properties"

"$keytool" -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=Spean Kafka CA" -ext bc:c \
  -validity $validity -keystore "$out/ca.p12" -storetype PKCS12 -storepass "$password" 2>/dev/null
"$keytool" -exportcert -rfc -alias ca -keystore "$out/ca.p12" -storepass "$password" > "$out/ca.pem" 2>/dev/null
"$keytool" -importcert -noprompt -alias ca -file "$out/ca.pem" -keystore "$out/truststore.p12" -storetype PKCS12 \
  -storepass "$password" 2>/dev/null

for host in "$@"; do
  "$keytool" -genkeypair -alias "$host" -keyalg EC -groupname secp256r1 -dname "CN=$host" -validity $validity \
    -keystore "$out/$host.p12" -storetype PKCS12 -storepass "$password" 2>/dev/null
  "$keytool" -certreq -alias "$host" -keystore "$out/$host.p12" -storepass "$password" 2>/dev/null \
    | "$keytool" -gencert -rfc -alias ca -keystore "$out/ca.p12" -storepass "$password" -validity $validity \
        -ext "SAN=dns:$host" -ext "EKU=serverAuth,clientAuth" > "$out/$host.pem" 2>/dev/null
  "$keytool" -importcert -noprompt -alias ca -file "$out/ca.pem" -keystore "$out/$host.p12" -storepass "$password" 2>/dev/null
  "$keytool" -importcert -noprompt -alias "$host" -file "$out/$host.pem" -keystore "$out/$host.p12" \
    -storepass "$password" 2>/dev/null
done

cat > "$out/client.properties" <<PROPERTIES
security.protocol=SSL
ssl.truststore.type=PKCS12
ssl.truststore.location=$tls_dir/truststore.p12
ssl.truststore.password=$password
PROPERTIES
echo "kafka-tls: CA, truststore, client.properties and keystores for $* in $out"
