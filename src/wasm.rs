//! The WebAssembly boundary. (Stub: lands with the wasm work.)
