#!/usr/bin/env bash
# Writes the Secrets MucGov's manifests refer to, as YAML on stdout, with new random passwords and new token keys:
#   deploy/k8s/make-secrets.sh dev  | kubectl apply -f -   # a local cluster (also PostgreSQL's and RabbitMQ's own)
#   deploy/k8s/make-secrets.sh prod > secrets.yaml         # to seal or load into the city's secret store; never commit it
# Needs kubectl, openssl and jq. Passwords are letters and digits only (they sit in connection strings).
set -euo pipefail
overlay=${1:-}
[ "$overlay" = dev ] || [ "$overlay" = prod ] || { echo "usage: $0 dev|prod" >&2; exit 2; }
namespace=mucgov
apps=(identity knowledge conversation ticket gateway)
messaging=(identity knowledge conversation ticket)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

password() { openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c 32; }
secret() { # name type label args…  (label: key=value, or - for none)
  local name=$1 type=$2 label=$3
  shift 3
  echo "---"
  if [ "$label" = - ]; then
    kubectl create secret generic "$name" --namespace "$namespace" --type "$type" "$@" --dry-run=client -o yaml
  else
    kubectl create secret generic "$name" --namespace "$namespace" --type "$type" "$@" --dry-run=client -o yaml |
      kubectl label --local -f - "$label" -o yaml
  fi
}
# A PKCS#12 file with a new RSA key and a self-signed certificate (token signing or encryption, key ring encryption).
token_key() { # file usage password
  openssl req -x509 -newkey rsa:3072 -nodes -days 730 -subj "/CN=MucGov $2" \
    -addext "keyUsage=critical,$2" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
  openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -out "$1" -passout "pass:$3"
  rm -f "$work/key.pem" "$work/cert.pem"
}

for app in "${apps[@]}"; do
  # CloudNativePG reads the owner's password from it (and notices changes by the label).
  secret "mucgov-$app-db" kubernetes.io/basic-auth cnpg.io/reload=true --from-literal=username="mucgov_$app" --from-literal=password="$(password)"
done
definitions='{"users":[],"permissions":[]}'
for app in "${messaging[@]}"; do
  pw=$(password)
  # The Messaging Topology Operator imports the user from it (and, from its version 1.20, only from labelled Secrets).
  secret "mucgov-$app-rabbitmq" kubernetes.io/basic-auth rabbitmq.com/topology-operator=true --from-literal=username="mucgov-$app" --from-literal=password="$pw"
  # Own queues and exchanges (prefix), the message-type exchanges, and writing to requesters' reply exchanges.
  definitions=$(jq --arg u "mucgov-$app" --arg p "$pw" --arg own "^($app-.*|MucGov\\..*)\$" --arg reply "^($app-.*|MucGov\\..*|[a-z]+-bus-.*)\$" \
    '.users += [{name: $u, password: $p, tags: ""}]
     | .permissions += [{user: $u, vhost: "mucgov", configure: $reply, write: $reply, read: $own}]' <<<"$definitions")
done
secret mucgov-oidc-clients Opaque - --from-literal=gateway="$(password)" --from-literal=catalog-import="$(password)"
signing=$(password) encryption=$(password)
token_key "$work/signing.pfx" digitalSignature "$signing"
token_key "$work/encryption.pfx" keyEncipherment "$encryption"
secret mucgov-identity-keys Opaque - --from-file=signing.pfx="$work/signing.pfx" --from-file=encryption.pfx="$work/encryption.pfx" \
  --from-literal=signing-password="$signing" --from-literal=encryption-password="$encryption"
# The certificates the gateway's and identity's Data Protection key rings are encrypted with in their databases.
for app in identity gateway; do
  pw=$(password)
  token_key "$work/dataprotection.pfx" keyEncipherment "$pw"
  secret "mucgov-$app-dataprotection" Opaque - --from-file=certificate.pfx="$work/dataprotection.pfx" --from-literal=password="$pw"
done

if [ "$overlay" = dev ]; then
  secret postgres-superuser kubernetes.io/basic-auth - --from-literal=username=postgres --from-literal=password="$(password)"
  admin=$(password)
  definitions=$(jq --arg p "$admin" '.users += [{name: "mucgov-admin", password: $p, tags: "administrator"}]
    | .permissions += [{user: "mucgov-admin", vhost: "mucgov", configure: ".*", write: ".*", read: ".*"}]
    | .vhosts = [{name: "mucgov"}]' <<<"$definitions")
  jq . <<<"$definitions" >"$work/definitions.json"
  secret rabbitmq-definitions Opaque - --from-file=definitions.json="$work/definitions.json" --from-literal=admin-password="$admin"
fi
