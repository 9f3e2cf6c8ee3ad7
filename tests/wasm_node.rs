//! The WebAssembly boundary in Node: `cargo test --target wasm32-unknown-unknown --test
//! wasm_node` (runner: wasm-bindgen-test-runner, see .cargo/config.toml).
#![cfg(target_arch = "wasm32")]

#[macro_use]
mod wasm_common;

boundary_tests!(
    offsets_are_utf16,
    replacement_offsets_are_utf16,
    pseudonyms_are_consistent_per_run,
    policy_object_is_accepted,
    errors_are_js_errors,
    defaults_and_metadata,
    process_file_jsonl,
    process_file_keeps_chosen_findings,
    process_file_errors,
    session_in_chunks,
    csv_session_in_passes,
);

// Workbooks: only with the `xlsx` feature (the page build and `make test-wasm` set it).
#[cfg(feature = "xlsx")]
boundary_tests!(xlsx_round_trip);
