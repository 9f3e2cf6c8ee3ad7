#!/bin/sh
# Builds the page: www/dist/pkg/ (wasm-bindgen output), www/dist/weglakker.js + .d.ts (the
# facade, for embedding) and www/dist/weglakker.html (one file: wasm, JS and CSS inlined,
# works from file:// and from any static server). Needs scripts/setup.sh first.
set -eu
cd "$(dirname "$0")/.."

TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
DIST=www/dist

# The library only: the CLI (feature "cli", clap) is not part of the wasm build; xlsx
# workbooks are (calamine + rust_xlsxwriter, within the DESIGN size budget).
cargo build --target "$TARGET" --profile "$PROFILE" --lib --no-default-features --features xlsx

rm -rf "$DIST"
mkdir -p "$DIST/pkg"
wasm-bindgen --target web --out-dir "$DIST/pkg" --out-name weglakker \
    --remove-name-section --remove-producers-section \
    "target/$TARGET/$PROFILE/weglakker.wasm"

# wasm-opt only when it is installed (never downloaded), and only if it makes the gzipped
# module smaller: binaryen from Debian saves ~6 % raw but gzip got no smaller in our tests.
WASM="$DIST/pkg/weglakker_bg.wasm"
if command -v wasm-opt >/dev/null 2>&1; then
    if wasm-opt -Oz --all-features "$WASM" -o "$WASM.opt" 2>/dev/null \
        && [ "$(gzip -9c "$WASM.opt" | wc -c)" -lt "$(gzip -9c "$WASM" | wc -c)" ]; then
        mv "$WASM.opt" "$WASM"
        echo "build-web: wasm-opt applied"
    fi
    rm -f "$WASM.opt"
fi

# The modules, stylesheet and docs for serving and embedding (dist/ next to dist/pkg/).
cp www/weglakker.js www/pool.js www/worker.js www/i18n.js www/app.js www/weglakker-app.js \
    www/style.css www/weglakker.d.ts www/EMBEDDING.md www/embed-example.html "$DIST/"
node scripts/inline-page.mjs www "$DIST"

raw=$(wc -c < "$WASM")
gz=$(gzip -9c "$WASM" | wc -c)
page=$(wc -c < "$DIST/weglakker.html")
echo "build-web: wasm $raw bytes ($gz gzipped); $DIST/weglakker.html $page bytes"
