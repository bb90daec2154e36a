#!/usr/bin/env bash
# Which checks a change needs: prints "code=false" when every changed file lies
# under site-data/ (a data-only pull request: check, strict build and the
# content tests suffice), otherwise "code=true" (the whole test suite).
# Usage: scope.sh BASE-COMMIT   (compares BASE-COMMIT with HEAD; run in a full clone)
set -euo pipefail
base="${1:?geef de vorige versie (commit) mee}"
changed="$(git diff --name-only "$base" HEAD)"
printf 'Gewijzigd:\n%s\n' "${changed:-(niets)}" >&2
if [ -n "$changed" ] && ! printf '%s\n' "$changed" | grep -qv '^site-data/'; then
  echo "code=false"
else
  echo "code=true"
fi
