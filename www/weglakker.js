// weglakker in the browser: a small facade over the WebAssembly module.
//
//   import { load, engine, scan, anonymise } from './weglakker.js';
//   await load();                                   // once; later calls return the same promise
//   scan('mail jan@example.nl');                    // [{kind: 'email', start: 5, end: 19, ...}]
//   anonymise('mail jan@example.nl').text;          // 'mail [E-MAIL-1]'
//   const e = engine({ policy: { deny: ['Zeemeeuw'] }, kinds: ['person', 'email'] });
//   e.scan(text); e.anonymise(text); e.reset();
//
// Offsets are UTF-16 code units, so `text.slice(f.start, f.end) === f.text`. Errors are
// thrown as `Error` with the engine's message. Nothing here touches the network except
// loading the module itself when it is not inlined in the page.

import * as wasm from './pkg/weglakker.js';

let loading = null;
let ready = false;
const engines = new Map(); // policy JSON → Engine, so pseudonyms stay stable per policy

/** The id of the inlined module in a single-file page: a `<script type="application/wasm+base64">`. */
const INLINE_ID = 'weglakker-wasm';

function base64ToBytes(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64.trim());
  const bin = atob(b64.trim());
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The module inlined in the page (single-file build), if any. */
function inlineModule() {
  if (typeof document === 'undefined') return undefined;
  const el = document.getElementById(INLINE_ID);
  return el ? base64ToBytes(el.textContent) : undefined;
}

/**
 * Compiles and instantiates the WebAssembly module, once. `source` (optional) is what
 * wasm-bindgen's `init` accepts: bytes, a `WebAssembly.Module`, a `Response` or a URL.
 * Without it: the module inlined in the page, else `pkg/weglakker_bg.wasm` next to this file.
 */
export function load(source) {
  if (!loading) {
    const module_or_path = source ?? inlineModule();
    loading = wasm
      .default(module_or_path === undefined ? undefined : { module_or_path })
      .then(() => {
        ready = true;
        return { version: wasm.version(), kinds: wasm.kinds() };
      });
    loading.catch(() => {
      loading = null; // a failed load may be retried
    });
  }
  return loading;
}

function requireLoaded() {
  if (!ready) throw new Error('weglakker: call and await load() first');
}

/** Fills in `version: 1` so callers may leave it out. */
function policyJson(policy) {
  if (policy === undefined || policy === null) return undefined;
  if (typeof policy === 'string') return policy;
  return JSON.stringify({ version: 1, ...policy });
}

/**
 * An engine for one policy and one run: `scan(text)`, `anonymise(text)` (pseudonyms
 * consistent across calls), `reset()` (numbering starts again), `policy()`, `free()`.
 */
export function engine(options = {}) {
  requireLoaded();
  const { policy, kinds } = options;
  return new wasm.Engine(policyJson(policy), kinds);
}

function cachedEngine(policy) {
  requireLoaded();
  const key = policyJson(policy) ?? '';
  let e = engines.get(key);
  if (!e) {
    e = new wasm.Engine(key === '' ? undefined : key, undefined);
    engines.set(key, e);
  }
  return e;
}

/** The findings in `text` under `policy` (default: the built-in policy). */
export function scan(text, policy) {
  return cachedEngine(policy).scan(text);
}

/**
 * `text` anonymised under `policy`: `{text, replacements}`. Calls with the same policy share
 * one run, so the same value keeps the same pseudonym; `reset(policy)` starts a new run.
 */
export function anonymise(text, policy) {
  return cachedEngine(policy).anonymise(text);
}

/** Starts a new pseudonym run for `policy` (or for every policy when none is given). */
export function reset(policy) {
  if (policy === undefined) {
    for (const e of engines.values()) e.reset();
  } else {
    engines.get(policyJson(policy) ?? '')?.reset();
  }
}

/** The crate version. */
export function version() {
  requireLoaded();
  return wasm.version();
}

/** Every kind: `[{id, group, nl, en}]`. */
export function kinds() {
  requireLoaded();
  return wasm.kinds();
}
