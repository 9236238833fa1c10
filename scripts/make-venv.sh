#!/usr/bin/env bash
# Makes a fresh virtual environment at $1 with ${PYTHON:-python3}. Debian's python3 has no venv
# module until python3-venv is installed: as root, this installs it (apt-get) and tries again.
set -euo pipefail
py=${PYTHON:-python3}
rm -rf "$1"
"$py" -m venv "$1" 2>/dev/null && exit 0
rm -rf "$1"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "$py -m venv failed; installing python3-venv" >&2
  { apt-get install -y -qq python3-venv || { apt-get update -qq && apt-get install -y -qq python3-venv; }; } >/dev/null 2>&1 || true
  "$py" -m venv "$1" && exit 0
fi
exit 1
