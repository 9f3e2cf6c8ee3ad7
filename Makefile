# weglakker: one command to set up and run, one to test (README "Quick start").
#   make run    installs what is missing, builds the page, serves it on localhost
#   make test   native tests + doctests + clippy + fmt, wasm tests (Node and Chromium), e2e

SHELL := /bin/sh
WASM_TARGET := wasm32-unknown-unknown
PORT ?= 8080
# wasm-bindgen-test-runner finds chromedriver here (Debian's chromium-driver).
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never

.PHONY: setup dist run test test-native test-wasm test-e2e bench clean

setup:
	sh scripts/setup.sh

dist: setup
	sh scripts/build-web.sh

run: dist
	@echo "Offline page (open directly, no server needed): file://$(CURDIR)/www/dist/weglakker.html"
	@echo "Sample export to try: $(CURDIR)/www/sample/voorbeeld.txt (and voorbeeld.jsonl)"
	node scripts/serve.mjs --port $(PORT)

test: test-native test-wasm test-e2e

test-native:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo test --all-targets
	cargo test --doc

# Never pass -q: wasm-bindgen-test-runner rejects --quiet.
test-wasm: setup
	cargo clippy --target $(WASM_TARGET) --no-default-features --features xlsx --lib --test wasm_node --test wasm_browser -- -D warnings
	cargo test --target $(WASM_TARGET) --no-default-features --features xlsx --test wasm_node --test wasm_browser

test-e2e: dist
	node --test tests/e2e/*.test.mjs

# Benchmarks (not part of test): criterion natively, then the page against native.
bench: dist
	cargo bench --bench scan
	node scripts/bench-page.mjs

clean:
	rm -rf www/dist target/e2e
