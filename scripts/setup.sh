#!/usr/bin/env bash
# Install the pinned uv into Python 3.11 when missing, then the workspace exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=${1:-0.13.9}
export UV_PYTHON_DOWNLOADS=never

PYTHON=$(command -v python3.11 || command -v python3 || true)
if [ -z "$PYTHON" ] || ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "setup: Python 3.11 is required; install python3.11 (e.g. apt-get install python3.11 python3.11-venv)." >&2
  exit 1
fi
if [ "$("$PYTHON" -m uv --version 2>/dev/null | awk '{print $2}')" != "$UV_VERSION" ]; then
  echo "setup: installing uv $UV_VERSION with pip"
  user_flag=--user
  [ "$(id -u)" = 0 ] && user_flag=
  "$PYTHON" -m pip install --quiet --disable-pip-version-check $user_flag "uv==$UV_VERSION"
fi
"$PYTHON" -m uv sync --frozen --all-packages --quiet --python "$PYTHON"

# GDAL's command-line tools from the OS packages: the map-tiles tests open the vector tiles with
# its OGC API driver, as a GIS user would (skipped, saying why, when they are missing).
if ! command -v ogrinfo >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing gdal-bin from the OS packages (the OGC API test of map-tiles)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gdal-bin >/dev/null
  else
    echo "setup: ogrinfo is missing: the GDAL test of map-tiles will be skipped (apt-get install gdal-bin)"
  fi
fi
