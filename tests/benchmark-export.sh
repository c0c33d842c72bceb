#!/usr/bin/env bash
# Whole-process time of `sciatica-map --export-pdf` for the default routine
# next to `rsvg-convert -f pdf` of the back view, measured in the same run.
# Prints both medians and their ratio; fails only when a program fails.
set -euo pipefail

runs=${SM_BENCHMARK_RUNS:-15}
svg="$SM_SOURCE_ROOT/data/anatomy/body-back.svg"
out=$(mktemp -d "${TMPDIR:-/tmp}/sm-benchmark.XXXXXX")
trap 'rm -rf "$out"' EXIT
unset DISPLAY WAYLAND_DISPLAY

# meson test fills freed memory with a pattern (MALLOC_PERTURB_) to catch
# bugs; that is not how the app runs, and it costs the two programs unequally.
unset MALLOC_PERTURB_

now_us () {
  echo $(( $(date +%s%N) / 1000 ))
}

median_ms () {
  printf '%s\n' "$@" | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }'
}

# One untimed run of each warms the page cache for both.
"$SM_BINARY" --export-pdf "$out/sheet.pdf"
rsvg-convert -f pdf -o "$out/back.pdf" "$svg"

# The two take turns, so a busy machine slows both alike.
app_times=() ref_times=()
for ((i = 0; i < runs; i++)); do
  start=$(now_us)
  "$SM_BINARY" --export-pdf "$out/sheet.pdf"
  middle=$(now_us)
  rsvg-convert -f pdf -o "$out/back.pdf" "$svg"
  end=$(now_us)
  app_times+=($((middle - start)))
  ref_times+=($((end - middle)))
done

app=$(median_ms "${app_times[@]}")
ref=$(median_ms "${ref_times[@]}")

printf 'sciatica-map --export-pdf (Piriformis relief): %s ms (median of %d)\n' "$app" "$runs"
printf 'rsvg-convert -f pdf body-back.svg:            %s ms (median of %d)\n' "$ref" "$runs"
awk -v a="$app" -v r="$ref" 'BEGIN { printf "ratio: %.2f (target <= 1.3)\n", a / r }'
