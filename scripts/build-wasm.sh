#!/usr/bin/env bash
# Builds the wasm core twice from the same crate (docs/weight.md):
#   pkg/        the full module (default features, with `zh`: jieba, the Chinese time tagger and
#               keyness list), release profile (opt-level 3). The page fetches it only when a text
#               contains Han characters; the CLI-equivalent build the bench and tests use.
#   pkg/light/  the light module (--no-default-features), profile wasm-light (opt-level "z"), then
#               wasm-opt -Oz --converge: what the page loads on every first visit (for texts up to a
#               million characters without Han characters; the worker takes the full module for
#               others). --converge repeats -Oz until it stops shrinking (-1.2 KB gzip, docs/weight.md);
#               --merge-similar-functions first merges functions that differ only in constants
#               (-0.7 KB gzip; an extra argument per call, nothing the first view can feel).
#   pkg/share/  the share module (--features share-only): reading share links and bundles, without
#               the analysis; loaded only to open a link or a bundle.
# Each: cargo (wasm32), wasm-bindgen (--target web, with TypeScript declarations for the npm
# package), wasm-opt (-O3 for the full module), which also drops the producers and target_features
# sections (metadata no browser reads), with --low-memory-unused: rustc's linker puts the 1 MB stack
# first and the data after it, so the lowest 1 KB of memory is only ever reached by a stack that has
# already overflowed; binaryen may then fold constant offsets into loads (-1.1 KB gzip, docs/weight.md).
# scripts/build-npm.mjs then makes pkg/ an npm package.
# wasm-opt comes from npm's binaryen (v132); Debian's v108 emits modules that fail at load.
set -euo pipefail
cd "$(dirname "$0")/.."

# build OUT_DIR PROFILE_DIR "WASM_OPT_FLAGS" CARGO_ARGS...
build() {
  local out=$1 profile=$2 level=$3
  shift 3
  cargo build --quiet --lib --target wasm32-unknown-unknown "$@"
  local raw=target/wasm32-unknown-unknown/$profile/article_explorer.wasm
  local wasm=$out/article_explorer_bg.wasm
  if [ -f "$wasm" ] && [ "$wasm" -nt "$raw" ] && [ "$out/article_explorer.js" -nt "$raw" ] && [ -f "$out/article_explorer.d.ts" ]; then
    return 0
  fi
  wasm-bindgen --target web --typescript --out-dir "$out" "$raw"
  # shellcheck disable=SC2086 # $level holds several flags
  node_modules/.bin/wasm-opt $level --low-memory-unused --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals --enable-simd \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  printf '%s: %s bytes (%s gzip)\n' "$wasm" "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)" >&2
}

# -ocimfs 500: binaryen by default inlines every function that has one caller, whatever its size,
# which folds the analysis's stages into a few huge functions; V8's optimizing compiler did worse
# on those (a 27 KB article's summary 4-5 % slower than with single-caller inlining kept to
# functions under 500 bytes, docs/bench.md).
build pkg release "-O3 -ocimfs 500" --release
build pkg/light wasm-light "--merge-similar-functions -Oz --converge" --profile wasm-light --no-default-features
# pkg/share/: only the share entries (src/wasm/share.rs): what the page loads to open a link or a bundle.
build pkg/share wasm-share "-Oz --converge" --profile wasm-share --no-default-features --features share-only
