#!/usr/bin/env bash
# check-source.sh SOURCE_ROOT
#
# What a measuring session leaves behind must not ship, as a TAP test:
#  - the program reads only the environment variables it documents
#    (SM_DEBUG_MONITORS for the monitor log, SPEECHD_ADDRESS to find
#    speech-dispatcher); a switch such as g_getenv ("XX_DEBUG") that
#    printed each mask drawn is what this catches;
#  - no line prints with a throw-away "XX" marker.
set -uo pipefail

srcdir=$1
allowed='^(SM_DEBUG_MONITORS|SPEECHD_ADDRESS)$'
n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  n=$((n + 1)) failed=$((failed + 1))
  echo "not ok $n - $1"
  sed 's/^/# /' <<<"$2"
}

reads=$(grep -rnoE '\bg?_?getenv \("[A-Za-z0-9_]+"' "$srcdir/src" --include='*.c' --include='*.h' |
        sed -E 's/.*"([A-Za-z0-9_]+)"$/\1/' | sort -u)
unknown=$(grep -vE "$allowed" <<<"$reads" | grep -v '^$')
if [[ -z $unknown ]]; then
  ok "src/ reads only the documented environment variables"
else
  not_ok "src/ reads undocumented environment variables" \
    "$(grep -rnE "getenv \\(\"($(paste -sd'|' <<<"$unknown"))\"" "$srcdir/src")"
fi

markers=$(grep -rnE '"XX[ _]' "$srcdir/src" --include='*.c' --include='*.h')
if [[ -z $markers ]]; then
  ok "no \"XX\" debugging output in src/"
else
  not_ok "\"XX\" debugging output in src/" "$markers"
fi

echo "1..$n"
exit $((failed > 0))
