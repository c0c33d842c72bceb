#!/usr/bin/env bash
# check-po.sh SOURCE_ROOT PACKAGE XGETTEXT_ARGS…
#
# The translations are complete, as a TAP test:
#  - po/POTFILES.in lists every file that has translatable strings;
#  - each po/<lang>.po of po/LINGUAS passes msgfmt --check with no
#    untranslated and no fuzzy message;
#  - it still does once merged with a template extracted afresh from the
#    sources (the same xgettext arguments as the sciatica-map-pot target),
#    so a string added to the code without a translation fails here.
# Everything is written to a temporary folder: the source tree is only read.
set -uo pipefail

srcdir=$1 package=$2
shift 2
xgettext_args=("$@")

export LC_ALL=C LANGUAGE=
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sm-check-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  n=$((n + 1)) failed=$((failed + 1))
  echo "not ok $n - $1"
  [[ -z ${2:-} ]] || sed 's/^/# /' <<<"$2"
}

# "1 translated message, 2 fuzzy translations, 3 untranslated messages."
# names the kinds that are there: complete means no fuzzy, no untranslated.
check_stats () {
  local name=$1 po=$2 stats
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    not_ok "$name: msgfmt --check" "$stats"
  elif [[ $stats == *fuzzy* || $stats == *untranslated* || $stats != *translated* ]]; then
    not_ok "$name: $stats" "$3"
  else
    ok "$name: $stats"
  fi
}

cd "$srcdir" || exit 1

# POTFILES.in: every file under src/ (in every folder) and ui/ with _("…"), N_("…"), C_("…"), ngettext ("…"),
# g_dngettext (…, "…") or translatable="yes".
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
missing=$(
  { grep -rlE --include='*.c' --include='*.h' \
      '\b(_|N_|C_|NC_|ngettext) ?\( ?"|\bg_d(n|p|c)?gettext2? ?\([^,]*, ?"' src
    grep -rl --include='*.ui' 'translatable="yes"' ui
  } | sort | comm -23 - <(sort <<<"$listed")
)
absent=$(while read -r f; do [[ -e $f ]] || echo "$f"; done <<<"$listed")
if [[ -z $missing && -z $absent ]]; then
  ok "po/POTFILES.in lists every file with translatable strings"
else
  not_ok "po/POTFILES.in" "not listed: ${missing:-none}; listed but absent: ${absent:-none}"
fi

if ! out=$(xgettext --package-name="$package" -f po/POTFILES.in -D "$srcdir" -k_ \
             -o "$tmp/$package.pot" "${xgettext_args[@]}" 2>&1); then
  not_ok "xgettext extracts the strings" "$out"
  echo "1..$n"
  exit 1
fi
ok "xgettext extracts $(($(grep -c "^msgid " "$tmp/$package.pot") - 1)) messages from the sources"

langs=$(sed 's/#.*//' po/LINGUAS | tr -s ' \t' '\n' | sed '/^$/d')
[[ -n $langs ]] || not_ok "po/LINGUAS names at least one language"
for lang in $langs; do
  if [[ ! -f po/$lang.po ]]; then
    not_ok "po/$lang.po exists"
    continue
  fi
  check_stats "po/$lang.po" "po/$lang.po" \
    "translate the fuzzy and untranslated messages of po/$lang.po"
  msgmerge --quiet -o "$tmp/$lang.po" "po/$lang.po" "$tmp/$package.pot" 2>"$tmp/msgmerge.log" ||
    { not_ok "msgmerge po/$lang.po" "$(cat "$tmp/msgmerge.log")"; continue; }
  check_stats "po/$lang.po merged with the strings in the sources now" "$tmp/$lang.po" \
    "$(printf '%s\n' "the sources have strings po/$lang.po lacks or that changed:" \
         "meson compile -C _build $package-pot $package-update-po, then translate them:" \
         "$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | sed '1,/^$/d' | head -20)" \
         "$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | sed '1,/^$/d' | head -20)")"
done

echo "1..$n"
((failed == 0))
