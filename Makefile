# Article Explorer. The two commands a newcomer needs:
#   make serve   build whatever is missing and serve the explorer on http://127.0.0.1:8000
#   make test    install what is missing, then run every test (Rust, wasm build, headless Chromium)
PORT ?= 8000

.PHONY: serve site wasm test lint test-rust test-browser test-npm test-python tools clean bench bench-deps bench-smoke test-robust test-pathological test-fuzz measure-page

serve: site
	@echo "Article Explorer: http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

tools:
	@scripts/ensure-tools.sh

# pkg/: the two wasm modules, the Chinese dictionary, and the npm package around them
# (scripts/build-npm.mjs: package.json, the entry, generated TypeScript declarations).
wasm: tools
	@scripts/build-wasm.sh
	@scripts/build-zh-dict.sh
	@node scripts/build-npm.mjs

site: wasm
	@node scripts/build-site.mjs

# After the lint and the Rust tests, two groups run side by side, each line marked with its group:
# the page's (wasm builds, Chromium, the npm package, the bench smoke test, then the pathological
# inputs' release build) and the native ones (the fuzzers' ASan build and runs, the Python wheel),
# of about equal length. One after the other they took 25 minutes of a fresh clone's run on 2
# cores. The page's timing tests judge no timings on an overloaded machine; the fuzzers run niced.
test: lint test-rust
	@bash -c 'set -o pipefail; \
	  { $(MAKE) --no-print-directory test-browser test-npm bench-smoke test-pathological 2>&1 | sed -u "s/^/[page] /"; } & page=$$!; \
	  { $(MAKE) --no-print-directory test-fuzz test-python 2>&1 | sed -u "s/^/[native] /"; } & native=$$!; \
	  wait $$page; a=$$?; wait $$native; b=$$?; \
	  [ $$a = 0 ] || echo "make test: the page group failed (lines marked [page])"; \
	  [ $$b = 0 ] || echo "make test: the native group failed (lines marked [native])"; \
	  [ $$a = 0 ] && [ $$b = 0 ]'

# The hygiene gate: formatting, clippy natively with and without the `zh` feature (the light
# module's code) and on the wasm doors, and the page's JavaScript type check.
lint: tools
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --all-targets --no-default-features -- -D warnings
	cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
	scripts/typecheck-js.sh

test-rust:
	cargo test --quiet  # includes tests/layers.rs: no module cycles in src/, imports follow the layers
	cargo test --quiet --no-default-features --test light_build  # the page's light module, built without `zh`

test-browser:
	@scripts/ensure-tools.sh browser
	@scripts/build-wasm.sh
	@scripts/build-zh-dict.sh
	@node scripts/build-site.mjs
	node --test --test-reporter=spec tests/browser/

# The npm package as a user gets it: npm pack, an offline install into an empty project, used
# from Node, a page and a worker in Chromium, and TypeScript (tests/npm/package.test.mjs).
test-npm: wasm
	@scripts/ensure-tools.sh browser
	node --test --test-reporter=spec tests/npm/

# The Python wheel (python/, PyO3 + maturin): built, installed into a fresh venv under target/ and
# checked against the CLI's JSON, with the Dask example on a 2-worker local cluster (pytest).
# Skipped, with the reason, where Python is missing.
test-python:
	@scripts/test-python.sh

# The page measured in Chromium (docs/page.md): first load, transfer, re-analysis latency, long
# tasks, a 10 MB paste; writes target/page-metrics.json.
measure-page: site
	PAGE_BIG_MB=10 node --test --test-reporter=spec tests/browser/measure.test.mjs

# Benchmarks (docs/bench.md): the core natively and as wasm against the peers, in one run;
# writes bench/results/results.json and results.md. About 15 minutes on 2 cores.
bench: site bench-deps
	node bench/run.mjs

bench-deps:
	@cd bench && { [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; }

# The harness on tiny inputs, so it does not rot (part of make test; asserts no timing).
bench-smoke: site bench-deps
	node --test --test-reporter=spec bench/tests/

# Robustness (docs/robustness.md): the pathological inputs at full size (release build), then
# each fuzz target for FUZZ_SECONDS (10 targets × 15 s + one ASan build ≈ 4 min; installs cargo-fuzz;
# longer runs: scripts/fuzz.sh all 600).
FUZZ_SECONDS ?= 15
test-robust: test-pathological test-fuzz

test-pathological:
	cargo test --release --quiet --test pathological

test-fuzz:
	@scripts/fuzz.sh all $(FUZZ_SECONDS)

clean:
	rm -rf target pkg dist node_modules
