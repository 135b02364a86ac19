#!/usr/bin/env bash
# Install the Debian packages the tests need that are missing: Chromium (the
# browser tests), Java (the Nu HTML Checker), Tesseract with English (OCR of
# scanned PDF pages), python3-venv and make. Runs
# apt-get directly as root, through sudo otherwise, and says what to install
# by hand when neither is possible.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v java >/dev/null || need+=(default-jre-headless)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
command -v make >/dev/null || need+=(make)
{ command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx eng; } || need+=(tesseract-ocr tesseract-ocr-eng)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  run=(sudo)
elif command -v sudo >/dev/null && [ -t 0 ]; then
  run=(sudo)  # sudo asks for a password at the terminal
else
  echo "The tests need these Debian packages: ${need[*]}" >&2
  echo "Install them as root: apt-get install ${need[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "The tests need: ${need[*]} (Chromium at /usr/bin/chromium, Java, Tesseract with English, python3-venv, make)." >&2
  echo "This is not a Debian system: install them with its package manager." >&2
  exit 1
fi
echo "Installing ${need[*]} with apt-get${run:+ through sudo}" >&2
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
