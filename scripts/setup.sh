#!/bin/sh
# Installs everything the build and the tests need, from the package registries only
# (crates.io, Debian, npm). Idempotent: a second run only checks and takes about a second.
set -eu
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must equal the wasm-bindgen crate pinned in Cargo.toml ("=X.Y.Z"),
# or the generated glue does not match the compiled module.
BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$BINDGEN_VERSION" ] || { echo "setup: no exact wasm-bindgen pin in Cargo.toml" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "setup: adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$BINDGEN_VERSION" ]; then
    echo "setup: installing wasm-bindgen-cli $BINDGEN_VERSION (takes a few minutes)"
    # --locked fails: the lock file pins a webpki-roots that the registry no longer has;
    # the default (TLS download) features are not needed.
    cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --no-default-features
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "setup: installing Debian's chromium and chromium-driver"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
fi

# npm dev tools (playwright-core, pinned in package-lock.json); never a browser download.
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: npm ci"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

echo "setup: ready (wasm-bindgen $BINDGEN_VERSION, $(/usr/bin/chromium --version 2>/dev/null || echo 'no chromium'))"
