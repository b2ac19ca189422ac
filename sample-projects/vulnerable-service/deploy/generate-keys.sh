#!/bin/sh
# Bootstraps the service's TLS key and the token-signing key on a new host.
set -eu
keytool -genkeypair -alias tls -keyalg RSA -keysize 1024 -dname "CN=payments.acme.internal" -keystore /etc/payments/keys.p12 -storepass "$KEYSTORE_PASSWORD" # expect: KA102, KA105, KA205
openssl ecparam -name secp256k1 -genkey -noout -out /etc/payments/token-signing.pem # expect: KA103, KA105, KA205
