#!/usr/bin/env bash
# One mock ministry backend: WireMock's standalone jar (from Maven, in /spean/lib) serving a connector's mappings
# (/spean/connectors/CONNECTOR/wiremock) over HTTPS only, with the certificate deploy/backend-tls.sh made for HOST
# (the name the nodes call it by), and requiring a client certificate from the backend CA (the nodes'), as a ministry's backend should.
#   mock-backend.sh CONNECTOR HOST       e.g. mock-backend.sh moi-id-registry moi-id-registry-backend
set -euo pipefail
connector=$1
host=$2
tls=${BACKEND_TLS_DIR:-/backend-tls}
password=$(cat "$tls/password")
exec java -cp "$(echo /spean/lib/wiremock-standalone-*.jar)" wiremock.Run \
  --root-dir "/spean/connectors/$connector/wiremock" --global-response-templating \
  --disable-http --https-port 8443 \
  --https-keystore "$tls/$host.p12" --keystore-type PKCS12 \
  --keystore-password "$password" --key-manager-password "$password" \
  --https-require-client-cert --https-truststore "$tls/truststore.p12" --truststore-type PKCS12 \
  --truststore-password "$password" \
  --max-request-journal-entries 10000 --disable-banner
