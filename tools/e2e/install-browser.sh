#!/usr/bin/env bash
# Installs Debian's Chromium (and its driver) for the browser test, if missing. Idempotent; does nothing when both
# packages are installed. Uses sudo only when not root.
set -euo pipefail

missing=()
for pkg in chromium chromium-driver; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then missing+=("$pkg"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "browser: chromium and chromium-driver already installed ($(/usr/bin/chromium --version 2>/dev/null || echo '?'))"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null; then
  as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
  echo "browser: ${missing[*]} missing, and neither root nor sudo to install them" >&2
  exit 1
fi

echo "browser: installing ${missing[*]} with apt-get"
for attempt in 1 2 3; do
  if "${as_root[@]}" apt-get update -qq -o DPkg::Lock::Timeout=300 &&
     "${as_root[@]}" apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "browser: installed ($(/usr/bin/chromium --version 2>/dev/null || echo '?'))"
    exit 0
  fi
  echo "browser: apt-get failed (attempt $attempt of 3)" >&2
  sleep $((attempt * 10))
done
echo "browser: could not install ${missing[*]}" >&2
exit 1
