#!/usr/bin/env bash
# Debian packages the test suite needs: chromium (task pane in a real browser), LibreOffice Calc
# (recalculates the exported workbook), poppler-utils (renders a page to PNG), Liberation fonts
# (metric-compatible with Times New Roman) and Carlito (Calibri metrics, exceljs' default font), for
# faithful page rendering. Installs only what is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
[ -d /usr/share/fonts/truetype/crosextra ] || missing+=(fonts-crosextra-carlito)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "system deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}"
