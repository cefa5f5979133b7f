#!/usr/bin/env bash
# Makes a Java 17 runtime base image from Debian's own packages, for a Docker host that reaches no image registry:
#   deploy/base-image.sh [NAME]      (default spean/debian-jre:17; then build with --build-arg BASE_IMAGE=NAME)
# Needs root, a running Docker engine and mmdebstrap (apt-get install mmdebstrap); takes about 40 s. Where a registry is
# reachable, skip it: the Dockerfiles' default base is a public JRE image.
set -euo pipefail
name=${1:-spean/debian-jre:17}
if docker image inspect "$name" >/dev/null 2>&1; then
  echo "base-image: $name is there already"
  exit 0
fi
mmdebstrap --quiet --variant=minbase --include=openjdk-17-jre-headless bookworm - | docker import - "$name" >/dev/null
echo "base-image: $name built from Debian bookworm's openjdk-17-jre-headless"
