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
