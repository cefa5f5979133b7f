# Sourced by the TLS makers (kafka-tls.sh, backend-tls.sh): the steps they share.
#
# tls_folder NAME OUT MARKER: exits 0 when OUT already holds MARKER (material is never made twice, so keys that nodes
# or brokers already use are never replaced), else makes OUT owner-only and sets umask 077 for what follows.
tls_folder() {
  if [ -f "$2/$3" ]; then
    echo "$1: $2 already holds TLS material; leaving it as it is"
    exit 0
  fi
  mkdir -p "$2"
  chmod 700 "$2"
  umask 077
}

# random_password FILE: prints a fresh random password and keeps it, owner-only, in FILE.
random_password() {
  local password
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  printf '%s' "$password" > "$1"
  printf '%s' "$password"
}
