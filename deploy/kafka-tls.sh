#!/usr/bin/env bash
# Makes the TLS material of a Kafka cluster and its clients into OUT — never into the repository:
#   ca.p12 / ca.pem       the cluster's own CA (EC P-256)
#   HOST.p12              one keystore per broker: its key, and a certificate naming HOST, issued by the CA
#   truststore.p12        the CA, for brokers and clients
#   client.properties     for `spean gateway --kafka-config` (security.protocol=SSL, the truststore)
#   password              the keystores' password (owner-only)
#   admin.password        the cluster administrator's SCRAM-SHA-512 password (owner-only; user spean-admin)
#   admin.properties      the administrator's client settings, for `spean kafka acls --apply --kafka-config`
# Paths in client.properties and admin.properties are under TLS_DIR (default OUT): set it to where the clients will see
# the truststore. With CLIENT_OUT set, truststore.p12 and client.properties are also copied there: all a node needs,
# without the keystores, the CA's key or the administrator's password.
#
#   deploy/kafka-tls.sh OUT HOST [HOST...]          e.g. deploy/kafka-tls.sh data/tls kafka-1 kafka-2 kafka-3
set -euo pipefail
source "$(dirname "$0")/tls-folder.sh"
if [ $# -lt 2 ]; then
  echo "usage: $0 OUT HOST [HOST...]" >&2
  exit 2
fi
out=$1
shift
keytool=${KEYTOOL:-keytool}
tls_dir=${TLS_DIR:-$out}
validity=825

tls_folder kafka-tls "$out" admin.properties
password=$(random_password "$out/password")
admin_password=$(random_password "$out/admin.password")

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
cat > "$out/admin.properties" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="spean-admin" password="$admin_password";
ssl.truststore.type=PKCS12
ssl.truststore.location=$tls_dir/truststore.p12
ssl.truststore.password=$password
PROPERTIES
if [ -n "${CLIENT_OUT:-}" ]; then
  cp "$out/truststore.p12" "$out/client.properties" "$CLIENT_OUT/"
fi
echo "kafka-tls: CA, truststore, client.properties and keystores for $* in $out"
