#!/usr/bin/env bash
# Makes the certificates the TLS tests need, with the openssl CLI, into <dir> (created):
#
#   ca.crt ca.key                 the test CA: signs everything below but other-ca
#   server.crt server.key         the server: localhost, 127.0.0.1 and ::1
#   client.crt client.key         a client certificate (mutual TLS)
#   other-ca.crt other-ca.key     an unrelated CA, and
#   stranger.crt stranger.key     a client certificate it signed (refused by the server)
#   wrong-name.crt wrong-name.key a server certificate for wrong.example only (hostname checks)
#   expired.crt expired.key       a server certificate for localhost that expired yesterday
#
# EC P-256 keys: as good as RSA for a test and generated in milliseconds. Certificates are made
# fresh for every run (nothing is checked in that could expire).
#
#   make_test_certs.sh <dir>
set -euo pipefail

dir="${1:?usage: make_test_certs.sh <dir>}"
mkdir -p "$dir"
cd "$dir"

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

new_ca() {  # new_ca <name> <common name>
  new_key "$1.key"
  openssl req -x509 -new -key "$1.key" -out "$1.crt" -days 30 -subj "/CN=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

# sign <name> <CA> <common name> <subjectAltName or ""> <days> <serverAuth|clientAuth>
sign() {
  local name="$1" ca="$2" cn="$3" san="$4" days="$5" usage="$6" extensions
  new_key "$name.key"
  openssl req -new -key "$name.key" -out "$name.csr" -subj "/CN=$cn" 2>/dev/null
  extensions="$(mktemp)"
  {
    echo "basicConstraints=CA:FALSE"
    echo "extendedKeyUsage=$usage"
    if [ -n "$san" ]; then echo "subjectAltName=$san"; fi
  } >"$extensions"
  # -days -1: a certificate whose notAfter is yesterday, the one way the 3.0 CLI makes an
  # expired certificate without a clock of its own.
  openssl x509 -req -in "$name.csr" -CA "$ca.crt" -CAkey "$ca.key" -CAcreateserial -out "$name.crt" \
    -days "$days" -extfile "$extensions" 2>/dev/null
  rm -f "$name.csr" "$extensions"
}

new_ca ca "redispp test CA"
new_ca other-ca "an unrelated CA"
sign server ca localhost "DNS:localhost,IP:127.0.0.1,IP:::1" 30 serverAuth
sign client ca "redispp test client" "" 30 clientAuth
sign stranger other-ca "a client of another CA" "" 30 clientAuth
sign wrong-name ca wrong.example "DNS:wrong.example" 30 serverAuth
sign expired ca localhost "DNS:localhost,IP:127.0.0.1" -1 serverAuth
rm -f ./*.srl
chmod 600 ./*.key
