#!/usr/bin/env bash
# Take a screenshot of the query page of a running ConflictKG server with headless Chromium.
#
#   scripts/ui-screenshot.sh PORT OUT.png [PATH]
#
# PORT  port of the server on 127.0.0.1
# OUT   where to write the PNG (1280x900)
# PATH  page to load, default "/"
#
# Exit codes: 0 screenshot written; 2 bad usage; 3 no Chromium found (callers such as a browser
# test treat that as "skip"); 4 Chromium ran but wrote no screenshot.
# Set CHROMIUM to a browser binary to override the search. The browser runs with a throw-away
# profile and with background networking disabled, so it only talks to the given server.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 PORT OUT.png [PATH]" >&2
  exit 2
fi
port=$1
out=$2
path=${3:-/}
if ! [[ $port =~ ^[0-9]+$ ]]; then
  echo "$0: PORT must be a number, got '$port'" >&2
  exit 2
fi
[[ $path == /* ]] || path="/$path"

browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
  for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
      browser=$(command -v "$candidate")
      break
    fi
  done
fi
if [[ -z $browser || ! -x $browser ]]; then
  echo "$0: no chromium found${browser:+ at $browser} (apt-get install -y chromium)" >&2
  exit 3
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

mkdir -p "$(dirname "$out")"
rm -f "$out"

# --virtual-time-budget lets the page's scripts and XHRs settle before the shot is taken.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-dev-shm-usage --hide-scrollbars \
  --user-data-dir="$profile" \
  --screenshot="$out" --window-size=1280,900 --virtual-time-budget=5000 \
  "http://127.0.0.1:${port}${path}" >/dev/null 2>&1 || true

if [[ ! -s $out ]]; then
  echo "$0: chromium wrote no screenshot to $out" >&2
  exit 4
fi
echo "$out"
