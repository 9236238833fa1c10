#!/usr/bin/env bash
# Fuzzes the analysis core with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]      default: all 60
#   scripts/fuzz.sh list                        the targets
#
# Targets (fuzz/fuzz_targets/): analyze (the whole pipeline + report invariants + JSON round
# trip), dateline, timex, sentences (with paragraphs), decode (file bytes), concordance (with
# compare), share_link (share links, and any bytes packed into one), share_bundle (bundle files),
# align (two texts split at a NUL byte, alignment invariants) and archive (the corpus command's
# .zip reader). All are built once (AddressSanitizer + coverage), then each runs for SECONDS in one
# process (no -jobs: libFuzzer's fork mode would take both cores) at low priority. The corpus grows
# in fuzz/corpus/TARGET/ (not committed), seeded from samples/ (split into small pieces) and
# fuzz/seeds/. A crash stops that target with the input saved in fuzz/artifacts/TARGET/ and
# makes the script fail; turn the input into a case in tests/regressions.rs.
# Installs cargo-fuzz when missing; the stable toolchain is enough (RUSTC_BOOTSTRAP=1 unlocks the
# sanitizer flags cargo-fuzz passes). Appends one line per target to fuzz/artifacts/summary.txt
# (seconds, executions, corpus size) for docs/robustness.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
targets=(analyze dateline timex sentences decode concordance share_link share_bundle align archive)
which=${1:-all}
seconds=${2:-60}
if [[ $which == list ]]; then printf '%s\n' "${targets[@]}"; exit 0; fi
if [[ $which != all ]]; then targets=("$which"); fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz (once)…"
  cargo install cargo-fuzz --locked --quiet
fi
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}/fuzz
mkdir -p "$root/fuzz/artifacts"
summary=$root/fuzz/artifacts/summary.txt

echo "fuzz: building the targets (AddressSanitizer)…"
if ! nice -n 10 cargo fuzz build -O --fuzz-dir fuzz >"$root/fuzz/artifacts/build.log" 2>&1; then
  tail -n 40 "$root/fuzz/artifacts/build.log"
  exit 1
fi
triple=$(rustc -vV | sed -n 's/^host: //p')
bin=$CARGO_TARGET_DIR/$triple/release

seed() {
  local dir=$1
  [[ -n $(ls -A "$dir" 2>/dev/null) ]] && return 0
  mkdir -p "$dir"
  for f in samples/*.txt; do
    split -C 2000 -d -a 3 "$f" "$dir/$(basename "$f" .txt)-"
  done
  cp fuzz/seeds/* "$dir/"
  # A target's own seeds (valid share payloads and bundles, archives), when it has some.
  if [[ -d fuzz/seeds-$(basename "$dir") ]]; then cp "fuzz/seeds-$(basename "$dir")"/* "$dir/"; fi
}

status=0
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  seed "$corpus"
  mkdir -p "fuzz/artifacts/$t"
  log=$root/fuzz/artifacts/$t.log
  # The whole pipeline costs ~50 ms per 2 KB input under ASan: shorter inputs, more executions.
  max_len=4096
  [[ $t == analyze || $t == align ]] && max_len=1024
  echo "fuzz: $t for ${seconds}s (log: fuzz/artifacts/$t.log)"
  if ! nice -n 10 "$bin/$t" "$corpus" -artifact_prefix="fuzz/artifacts/$t/" -max_total_time="$seconds" \
      -max_len=$max_len -rss_limit_mb=2048 -timeout=10 -dict=fuzz/dates.dict -print_final_stats=1 >"$log" 2>&1; then
    echo "fuzz: $t FAILED — the input is in fuzz/artifacts/$t/; last lines of the log:"
    tail -n 40 "$log"
    status=1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "$(date -u +%FT%TZ) $t seconds=$seconds execs=${execs:-?} corpus=$(ls "$corpus" | wc -l)" | tee -a "$summary"
done
exit $status
