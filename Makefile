# Article Explorer. The two commands a newcomer needs:
#   make serve   build whatever is missing and serve the explorer on http://127.0.0.1:8000
#   make test    install what is missing, then run every test (Rust, wasm build, headless Chromium)
PORT ?= 8000

.PHONY: serve site wasm test test-rust test-browser tools clean

serve: site
	@echo "Article Explorer: http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

tools:
	@scripts/ensure-tools.sh

wasm: tools
	@scripts/build-wasm.sh

site: wasm
	@node scripts/build-site.mjs

test: test-rust test-browser

test-rust:
	cargo test --quiet

test-browser:
	@scripts/ensure-tools.sh browser
	@scripts/build-wasm.sh
	@node scripts/build-site.mjs
	node --test --test-reporter=spec tests/browser/

clean:
	rm -rf target pkg dist node_modules
