#!/usr/bin/env bash
# test-sheet-poses.sh BINARY: the routine sheet with the pictures of the
# positions, as printed. For the Piriformis relief routine on A4 and
# Letter, in English and German: one page (pdfinfo) and no raster image
# (pdfimages -list: the pictures are paths).
set -uo pipefail

binary=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sm-sheet-poses.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)) failed=$((failed + 1)); echo "not ok $n - $1"; [[ -z ${2:-} ]] || sed 's/^/# /' <<<"$2"; }

for paper in a4 letter; do
  for language in en de; do
    pdf=$tmp/sheet-$paper-$language.pdf
    if ! err=$(LANGUAGE=$language LC_ALL=C.UTF-8 "$binary" --export-pdf="$pdf" --paper="$paper" 2>&1); then
      not_ok "$paper $language: the sheet is written" "$err"
      continue
    fi
    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    [[ $pages == 1 ]] && ok "$paper $language: one page" || not_ok "$paper $language: one page, not $pages"
    images=$(pdfimages -list "$pdf" | tail -n +3 | wc -l)
    [[ $images == 0 ]] && ok "$paper $language: no raster image" ||
      not_ok "$paper $language: no raster image, not $images" "$(pdfimages -list "$pdf")"
    heading=$([[ $language == de ]] && echo "So geht es" || echo "How to")
    if pdftotext "$pdf" - | grep -q "$heading"; then ok "$paper $language: the steps table is there"
    else not_ok "$paper $language: the steps table is there"; fi
  done
done

echo "1..$n"
exit $((failed > 0))
