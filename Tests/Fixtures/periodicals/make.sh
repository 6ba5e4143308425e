#!/usr/bin/env bash
# Makes the periodical fixtures the way calibre's users do: its news system runs the
# recipe gazette.recipe against two RSS feeds (embedded content) served on 127.0.0.1.
# Needs Debian's calibre package (ebook-convert). Writes gazette.epub (calibre's default
# layout) and gazette-tablet.epub (its tablet layout, whose section pages name authors).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/site"
python3 "$here/make_feeds.py" "$work/site"
python3 -m http.server 8765 --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
sleep 1
export QT_QPA_PLATFORM=offscreen
ebook-convert "$here/gazette.recipe" "$here/gazette.epub" >/dev/null
ebook-convert "$here/gazette.recipe" "$here/gazette-tablet.epub" --output-profile tablet >/dev/null
