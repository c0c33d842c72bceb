#!/usr/bin/env bash
# Whole-process time of `sciatica-map --export-report` for a journal of a
# year of daily sessions (the first and the last with a pain drawing) next
# to `sciatica-map --export-pdf` of the Piriformis relief sheet, measured
# in the same run, taking turns. Prints both medians and their ratio
# (target: at most 2); fails only when a program fails.
set -euo pipefail

runs=${SM_BENCHMARK_RUNS:-15}
out=$(mktemp -d "${TMPDIR:-/tmp}/sm-benchmark.XXXXXX")
trap 'rm -rf "$out"' EXIT
unset DISPLAY WAYLAND_DISPLAY MALLOC_PERTURB_

PYTHONPATH="$SM_SOURCE_ROOT/tests" python3 -c "
import smjournal
smjournal.write('$out/data/sciatica-map/journal.sqlite3', days=365, every=1)"
export XDG_DATA_HOME="$out/data"

now_us () {
  echo $(( $(date +%s%N) / 1000 ))
}

median_ms () {
  printf '%s\n' "$@" | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }'
}

"$SM_BINARY" --export-pdf "$out/sheet.pdf"
"$SM_BINARY" --export-report "$out/report.pdf"

sheet_times=() report_times=()
for ((i = 0; i < runs; i++)); do
  start=$(now_us)
  "$SM_BINARY" --export-pdf "$out/sheet.pdf"
  middle=$(now_us)
  "$SM_BINARY" --export-report "$out/report.pdf"
  end=$(now_us)
  sheet_times+=($((middle - start)))
  report_times+=($((end - middle)))
done

sheet=$(median_ms "${sheet_times[@]}")
report=$(median_ms "${report_times[@]}")
pages=$(pdfinfo "$out/report.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')

printf 'sciatica-map --export-pdf (Piriformis relief):      %s ms (median of %d)\n' "$sheet" "$runs"
printf 'sciatica-map --export-report (1 year, %s pages):    %s ms (median of %d)\n' "${pages:-?}" "$report" "$runs"
awk -v r="$report" -v s="$sheet" 'BEGIN { printf "ratio: %.2f (target <= 2)\n", r / s }'
