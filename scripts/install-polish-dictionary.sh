#!/usr/bin/env bash
# Convert hunspell-pl (ISO-8859-2) into PostgreSQL's tsearch_data as UTF-8:
# polish.affix, polish.dict, polish.stop. Used by scripts/db.sh and deploy/postgis.Dockerfile.
# Usage: install-polish-dictionary.sh <tsearch_data dir>
set -euo pipefail
tsdata=$1
[ -f "$tsdata/polish.dict" ] && exit 0
encoding=$(sed -n 's/^SET[[:space:]]\+//p' /usr/share/hunspell/pl_PL.aff | tr -d '\r' | head -n 1)
encoding=${encoding:-UTF-8}
iconv -f "$encoding" -t UTF-8 /usr/share/hunspell/pl_PL.aff | sed 's/^SET .*/SET UTF-8/' >"$tsdata/polish.affix"
iconv -f "$encoding" -t UTF-8 /usr/share/hunspell/pl_PL.dic >"$tsdata/polish.dict"
: >"$tsdata/polish.stop"
echo "installed the Polish Hunspell dictionary into $tsdata"
