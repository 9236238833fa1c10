#!/usr/bin/env bash
# Builds the wasm core into pkg/: cargo (release, wasm32), wasm-bindgen (--target web), wasm-opt -O3
# (for speed; see the release profile in Cargo.toml for the measured size/speed trade-off).
# wasm-opt comes from npm's binaryen (v132); Debian's v108 emits modules that fail at load.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --lib --release --target wasm32-unknown-unknown
raw=target/wasm32-unknown-unknown/release/article_explorer.wasm
out=pkg/article_explorer_bg.wasm
if [ -f "$out" ] && [ "$out" -nt "$raw" ] && [ pkg/article_explorer.js -nt "$raw" ]; then
  exit 0
fi
wasm-bindgen --target web --no-typescript --out-dir pkg "$raw"
node_modules/.bin/wasm-opt -O3 \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals --enable-simd \
  "$out" -o "$out.opt"
mv "$out.opt" "$out"
printf 'pkg/article_explorer_bg.wasm: %s bytes (%s gzip)\n' "$(stat -c %s "$out")" "$(gzip -9c "$out" | wc -c)" >&2
