#!/usr/bin/env bash
# Installs everything Kakari needs to build, test and run, from Debian's
# archive and the npm registry. Idempotent: packages already present are
# skipped, and apt-get update runs only when something is missing.
# Works as root or through sudo.
set -euo pipefail

cd "$(dirname "$0")/.."

DEB_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libsqlite3-dev sqlite3
  libpq-dev postgresql-15 postgresql-client-15
  libicu-dev
  libexpected-dev
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  nlohmann-json3-dev
  libsodium-dev libzxcvbn-dev
  clang-14 clang-format clang-tidy-14
  libgtest-dev libgmock-dev
  chromium
  fonts-ipaexfont fonts-ipamj-mincho fonts-noto-cjk
  libcairo2-dev libpango1.0-dev libqrencode-dev
  zbar-tools poppler-utils qpdf
  libcurl4-openssl-dev python3-aiosmtpd
  libxlsxwriter-dev libzip-dev python3-openpyxl
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Front-end packages from the committed lockfile. Reinstall only when the
# lockfile changed since the last install.
if [ -f web/package-lock.json ]; then
  stamp=web/node_modules/.kakari-lock-stamp
  if [ ! -f "$stamp" ] || ! cmp -s web/package-lock.json "$stamp"; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    cp web/package-lock.json "$stamp"
  fi
fi
