#!/usr/bin/env bash
# Draws images/icon.png (128x128, the marketplace icon) from the SVG below with headless Chromium.
# Usage: bash scripts/make-icon.sh   (needs Debian's chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/icon.html" <<'HTML'
<!doctype html>
<html><body style="margin:0;background:transparent">
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2563eb"/>
      <stop offset="1" stop-color="#1e3a8a"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="url(#bg)"/>
  <!-- the flag: a pole and a waving cloth -->
  <rect x="30" y="24" width="8" height="80" rx="4" fill="#ffffff"/>
  <path d="M38 28 C52 20 62 36 78 28 C84 25 88 24 92 25 L92 62 C80 60 72 72 58 66 C50 62 44 62 38 66 Z" fill="#facc15"/>
  <!-- the lens over the flag's corner -->
  <circle cx="82" cy="78" r="17" fill="none" stroke="#ffffff" stroke-width="7"/>
  <line x1="94" y1="90" x2="106" y2="102" stroke="#ffffff" stroke-width="9" stroke-linecap="round"/>
</svg>
</body></html>
HTML
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=128,128 --screenshot="$work/icon.png" "file://$work/icon.html" >/dev/null 2>&1
cp "$work/icon.png" images/icon.png
echo "wrote images/icon.png ($(stat -c %s images/icon.png) bytes)"
