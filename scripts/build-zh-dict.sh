#!/usr/bin/env bash
# The Chinese dictionary asset: copies data/zh/jieba-dict.txt.gz to pkg/ so build-site.mjs publishes
# it as lazily fetched data (the page downloads it only when a text contains Han characters).
#   scripts/build-zh-dict.sh            copy the committed dictionary into pkg/
#   scripts/build-zh-dict.sh --refresh  first regenerate data/zh/jieba-dict.txt.gz from the cargo
#                                       registry: jieba-rs's dict.txt (MIT), keeping `word freq` and
#                                       dropping the part-of-speech column nobody here reads, then a
#                                       line `%%hmm` and jieba-macros's hmm.model (MIT), the HMM for
#                                       unknown words (kept out of the wasm: vendor/jieba-rs/Cargo.toml
#                                       says why; src/segment/zh_words.rs loads it)
set -euo pipefail
cd "$(dirname "$0")/.."
src=data/zh/jieba-dict.txt.gz
if [ "${1:-}" = "--refresh" ]; then
  dict=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt | head -n1)
  hmm=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/jieba-macros-0.11.0/src/hmm.model | head -n1)
  { awk 'NF >= 2 { print $1 " " $2 }' "$dict"; echo '%%hmm'; cat "$hmm"; } | gzip -9n > "$src"
  echo "regenerated $src from $dict and $hmm" >&2
fi
mkdir -p pkg
if [ ! -f pkg/jieba-dict.txt.gz ] || [ "$src" -nt pkg/jieba-dict.txt.gz ]; then
  cp "$src" pkg/jieba-dict.txt.gz
fi
printf 'pkg/jieba-dict.txt.gz: %s bytes gzip (%s raw)\n' "$(stat -c %s pkg/jieba-dict.txt.gz)" "$(gzip -dc pkg/jieba-dict.txt.gz | wc -c)" >&2
