#!/usr/bin/env bash
# test-mime-install.sh MESON BUILD_ROOT
#
# The routine file type as the desktop sees it once the app is installed,
# as a TAP test: `meson install --destdir` into a temporary folder,
# update-mime-database and update-desktop-database there, then GIO (through XDG_DATA_DIRS) names a
# .sciatica-routine file and a routine saved as .json
# application/x-sciatica-map-routine, a plain JSON file stays
# application/json, the comment is translated, the type has its icon, and
# the installed desktop file validates and claims the type.
# SM_BINARY (the build tree's app) writes the routine files, so they are
# exactly what the app writes.
set -uo pipefail

meson=$1 build=$2
type=application/x-sciatica-map-routine
app_id=org.sciaticamap.SciaticaMap

export LC_ALL=C.UTF-8 LANGUAGE=
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sm-mime-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Nothing of the person's own (their ~/.local/share/mime) may answer.
export XDG_DATA_HOME=$tmp/home/data XDG_CONFIG_HOME=$tmp/home/config XDG_CACHE_HOME=$tmp/home/cache

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  n=$((n + 1)) failed=$((failed + 1))
  echo "not ok $n - $1"
  [[ -z ${2:-} ]] || sed 's/^/# /' <<<"$2"
}
check () {   # check NAME COMMAND…: ok when the command succeeds
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}

if out=$("$meson" install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" 2>&1); then
  ok "meson install --destdir"
else
  not_ok "meson install --destdir" "$out"
  echo "1..$n"
  exit 1
fi

xml=$(find "$tmp/root" -path "*/share/mime/packages/$app_id.xml" | head -n 1)
share=${xml%/mime/packages/*}
if [[ -n $xml ]]; then ok "installed ${xml#"$tmp/root"}"; else not_ok "no mime/packages/$app_id.xml installed"; fi
check "the type's comment in German" grep -q '<comment xml:lang="de">Sciatica-Map-Routine</comment>' "$xml"
check "update-mime-database" update-mime-database "$share/mime"
export XDG_DATA_DIRS=$share:/usr/share

content_type () {
  gio info -a standard::content-type "$1" 2>&1 | sed -n 's/^ *standard::content-type: //p'
}
check_type () {   # check_type NAME FILE EXPECTED
  local got
  got=$(content_type "$2")
  if [[ $got == "$3" ]]; then ok "$1: $got"; else not_ok "$1: $got, not $3"; fi
}

files=$tmp/files
mkdir -p "$files"
env -u DISPLAY -u WAYLAND_DISPLAY "$SM_BINARY" --export-routine piriformis-relief "$files/relief.sciatica-routine"
cp "$files/relief.sciatica-routine" "$files/saved-as.json"
# Written by hand, without the app's spaces.
printf '{"format": "sciatica-map-routine", "version": 2, "name": "By hand"}\n' > "$files/by-hand.json"
printf '{"format":"sciatica-map-routine","version":2}\n' > "$files/compact.json"
printf '{"shopping": ["milk"]}\n' > "$files/other.json"

check_type ".sciatica-routine written by --export-routine" "$files/relief.sciatica-routine" "$type"
check_type "a routine saved as .json" "$files/saved-as.json" "$type"
check_type "a routine written by hand as .json" "$files/by-hand.json" "$type"
check_type "a compact routine as .json" "$files/compact.json" "$type"
check_type "other JSON stays JSON" "$files/other.json" application/json

# update-mime-database's entry for the type, which GIO's descriptions read.
check "the type's comment" grep -q '<comment>Sciatica Map routine</comment>' "$share/mime/$type.xml"
check "the type's comment in German, in the database" \
  grep -q '<comment xml:lang="de">Sciatica-Map-Routine</comment>' "$share/mime/$type.xml"

icons=$(gio info -a standard::icon "$files/relief.sciatica-routine" | sed -n 's/^ *standard::icon: //p')
if [[ $icons == application-x-sciatica-map-routine,* ]]; then ok "icon names: $icons"; else not_ok "icon names: $icons"; fi
check "the type's icon is installed" test -s "$share/icons/hicolor/scalable/mimetypes/application-x-sciatica-map-routine.svg"
check "the type is a sub-class of application/json" grep -q 'sub-class-of type="application/json"' "$share/mime/$type.xml"

desktop=$share/applications/$app_id.desktop
check "desktop-file-validate" desktop-file-validate "$desktop"
check "the desktop file's MimeType= names the type" grep -qx "MimeType=$type;" "$desktop"
# What meson's post-install step does without --destdir; GIO looks up
# the apps for a type in the cache it writes.
check "update-desktop-database" update-desktop-database "$share/applications"
# GIO hides an app whose Exec= program is not in PATH.
apps=$(PATH=$share/../bin:$PATH gio mime "$type" 2>&1)
if grep -q "$app_id.desktop" <<<"$apps"; then ok "gio mime: the app opens the type"; else not_ok "gio mime $type" "$apps"; fi

echo "1..$n"
[[ $failed -eq 0 ]]
