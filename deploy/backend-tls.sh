#!/usr/bin/env bash
# Makes development TLS material for mock backends into OUT — never into the repository — with OpenSSL and keytool:
#   ca.pem                the backend CA (EC P-256): what nodes trust for backends (--backend-ca); its key is deleted
#   HOST.p12              one keystore per backend: its key and a certificate naming HOST (serverAuth), with the CA
#   truststore.p12        the CA, for backends checking the nodes' client certificate
#   node-client.pem/.key  the nodes' client certificate with the CA, and its key (PKCS#8, owner-only)
#                         (--backend-client-cert, --backend-client-key)
#   password              the PKCS#12 files' password (owner-only)
# A ministry's real backend brings its own certificates, from the ministry's CA.
#
#   deploy/backend-tls.sh OUT HOST [HOST...]
set -euo pipefail
source "$(dirname "$0")/tls-folder.sh"
if [ $# -lt 2 ]; then
  echo "usage: $0 OUT HOST [HOST...]" >&2
  exit 2
fi
out=$1
shift
validity=825
tls_folder backend-tls "$out" truststore.p12
password=$(random_password "$out/password")

# issue NAME EXTENSIONS: a fresh P-256 key NAME.key and a certificate NAME.pem from the CA.
issue() {
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$out/$1.key" -subj "/CN=$1" 2>/dev/null \
    | openssl x509 -req -CA "$out/ca.pem" -CAkey "$out/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
        -days $validity -extfile <(printf '%s\n' "basicConstraints=critical,CA:FALSE" \
        "keyUsage=critical,digitalSignature" "$2") -out "$out/$1.pem" 2>/dev/null
}

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$out/ca.key" -out "$out/ca.pem" \
  -days $validity -subj "/CN=Spean development backend CA" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
keytool -importcert -noprompt -alias backend-ca -file "$out/ca.pem" -keystore "$out/truststore.p12" \
  -storetype PKCS12 -storepass "$password" >/dev/null 2>&1

for host in "$@"; do
  issue "$host" "$(printf 'extendedKeyUsage=serverAuth\nsubjectAltName=DNS:%s' "$host")"
  openssl pkcs12 -export -name server -in "$out/$host.pem" -inkey "$out/$host.key" -certfile "$out/ca.pem" \
    -out "$out/$host.p12" -passout "pass:$password"
  rm "$out/$host.key" "$out/$host.pem"
done

issue node-client "extendedKeyUsage=clientAuth"
cat "$out/ca.pem" >> "$out/node-client.pem"
rm "$out/ca.key"
chmod 644 "$out/ca.pem" "$out/node-client.pem"
echo "backend-tls: backend CA, truststore, the nodes' client certificate and keystores for $* in $out"
