#!/usr/bin/env bash
# A node's health check: ready once its edge answers a call with anything but 404. The edge listens a moment before the
# node's routes are in place and answers 404 meanwhile; once ready, a call without a client certificate is answered by
# the node itself (401 client.unauthenticated, or the answer itself where none is needed).
set -euo pipefail
status=$(printf 'GET /listClients HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' \
  | timeout 5 openssl s_client -quiet -connect 127.0.0.1:8080 2>/dev/null | head -1 | cut -d' ' -f2)
[ -n "$status" ] && [ "$status" != 404 ]
