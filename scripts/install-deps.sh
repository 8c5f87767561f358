#!/usr/bin/env bash
# Installs every build and test dependency from Debian 12 packages.
# Run as root or with sudo available. Nothing else needs to be installed by hand.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
PACKAGES=(
  build-essential cmake pkg-config git python3
  libpoppler-private-dev libxml2-dev libzip-dev libicu-dev libre2-dev
  libsqlite3-dev sqlite3 libssl-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev poppler-utils time
  ccache  # rebuilds of a fresh clone on a machine that built before (scripts/build.sh)
  poppler-data  # CJK CMaps for PDFs with non-embedded Chinese fonts
  libtesseract-dev libleptonica-dev tesseract-ocr-chi-sim tesseract-ocr-eng  # OCR of scans
  libreoffice-writer-nogui libreoffice-calc-nogui  # legacy .doc/.xls, converted headless
  libpng-dev  # page images of the review report
  chromium  # the review report's browser test (headless)
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Skip apt entirely when everything is already there (CI reruns, developers).
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
