//! The WebAssembly boundary in Node: `cargo test --target wasm32-unknown-unknown --test
//! wasm_node` (runner: wasm-bindgen-test-runner, see .cargo/config.toml).
#![cfg(target_arch = "wasm32")]

mod wasm_common;

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn offsets_are_utf16() {
    wasm_common::offsets_are_utf16();
}

#[wasm_bindgen_test]
fn replacement_offsets_are_utf16() {
    wasm_common::replacement_offsets_are_utf16();
}

#[wasm_bindgen_test]
fn pseudonyms_are_consistent_per_run() {
    wasm_common::pseudonyms_are_consistent_per_run();
}

#[wasm_bindgen_test]
fn policy_object_is_accepted() {
    wasm_common::policy_object_is_accepted();
}

#[wasm_bindgen_test]
fn errors_are_js_errors() {
    wasm_common::errors_are_js_errors();
}

#[wasm_bindgen_test]
fn defaults_and_metadata() {
    wasm_common::defaults_and_metadata();
}
