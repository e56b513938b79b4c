#!/usr/bin/env bash
# Installs what the document tests open the generated Word files with, when missing: LibreOffice
# Writer (soffice, to convert .docx to PDF as a reader's office suite would lay it out), poppler-utils
# (pdftotext, pdftoppm, pdfinfo) and the Liberation fonts (metric-compatible with Times New Roman).
# Needs root (apt-get), as the services and chromium scripts do. With --check it installs nothing and
# only answers whether everything is there (exit 0) or not (exit 1), for the developer's quick run.
set -euo pipefail

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'Liberation Serif' || missing+=(fonts-liberation)
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "libreoffice: $(soffice --version 2>/dev/null | head -n 1)"
  exit 0
fi
[[ ${1:-} == --check ]] && { echo "libreoffice: ${missing[*]} missing" >&2; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
  echo "libreoffice: ${missing[*]} missing and installing needs root: run 'apt-get install -y --no-install-recommends ${missing[*]}' as root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "libreoffice: installing ${missing[*]} (apt-get install -y --no-install-recommends)"
# The package lists are usually there already; refresh them only when the install cannot find the packages.
if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
  echo "libreoffice: install failed, running apt-get update and trying again"
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
command -v soffice >/dev/null 2>&1 || { echo "libreoffice: installed, but soffice is still missing" >&2; exit 1; }
echo "libreoffice: $(soffice --version 2>/dev/null | head -n 1)"
