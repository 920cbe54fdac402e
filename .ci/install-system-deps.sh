#!/usr/bin/env bash
# Debian packages the browser and deck-rendering tests need: Chromium (site tests), LibreOffice
# Impress and poppler (decks opened and rendered), and the metric-compatible fonts decks are
# measured against. Safe to run twice.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-impress)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || need+=(fonts-crosextra-carlito)
[ -d /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation2)
[ ${#need[@]} -eq 0 ] && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
