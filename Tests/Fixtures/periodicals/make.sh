#!/usr/bin/env bash
# Makes the periodical fixtures the way calibre's users do: its news system runs the
# recipe gazette.recipe against two RSS feeds (embedded content) served on 127.0.0.1.
# Needs Debian's calibre package (ebook-convert). Writes gazette.epub (calibre's default
# layout) and gazette-tablet.epub (its tablet layout, whose section pages name authors)
# into the folder given (this one by default); PORT (8765) is where the feeds are served.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
port="${PORT:-8765}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/site"
python3 "$here/make_feeds.py" "$work/site" "$port"
sed "s/8765/$port/" "$here/gazette.recipe" > "$work/gazette.recipe"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
sleep 1
export QT_QPA_PLATFORM=offscreen
ebook-convert "$work/gazette.recipe" "$out/gazette.epub" >/dev/null
ebook-convert "$work/gazette.recipe" "$out/gazette-tablet.epub" --output-profile tablet >/dev/null
