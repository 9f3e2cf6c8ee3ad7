// weglakker in the browser: a small facade over the WebAssembly module.
//
//   import { load, engine, scan, anonymise } from './weglakker.js';
//   await load();                                   // once; later calls return the same promise
//   scan('mail jan@example.nl');                    // [{kind: 'email', start: 5, end: 19, ...}]
//   anonymise('mail jan@example.nl').text;          // 'mail [E-MAIL-1]'
//   const e = engine({ policy: { deny: ['Zeemeeuw'] }, kinds: ['person', 'email'] });
//   e.scan(text); e.anonymise(text); e.reset();
//   processFile(bytes, { format: 'jsonl', policy });  // whole file, on this thread
//   await processInWorkers(bytes, { format: 'jsonl', policy, onProgress, signal });
//   await processWhole(bytes, { format: 'jsonl', policy, keep });  // the download, in a worker
//
// Offsets are UTF-16 code units, so `text.slice(f.start, f.end) === f.text`. Errors are
// thrown as `Error` with the engine's message. Nothing here touches the network except
// loading the module itself when it is not inlined in the page.

import * as wasm from './pkg/weglakker.js';
import * as pools from './pool.js';

let loading = null;
let ready = false;
let compiled = null; // the WebAssembly.Module, shared with the workers
let pool = null;
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

/** Compiles `source` (bytes, a Module, a Response or a URL; default: next to this file). */
async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return WebAssembly.compile(source);
  if (typeof Response !== 'undefined' && source instanceof Response) {
    return WebAssembly.compile(await source.arrayBuffer());
  }
  const url = source ?? new URL('./pkg/weglakker_bg.wasm', import.meta.url);
  const response = await fetch(url);
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Compiles and instantiates the WebAssembly module, once. `source` (optional): bytes, a
 * `WebAssembly.Module`, a `Response` or a URL. Without it: the module inlined in the page,
 * else `pkg/weglakker_bg.wasm` next to this file. Resolves to `{version, kinds}`.
 */
export function load(source) {
  if (!loading) {
    loading = (async () => {
      const module = await compile(source ?? inlineModule());
      await wasm.default({ module_or_path: module });
      compiled = module;
      ready = true;
      return { version: wasm.version(), kinds: wasm.kinds() };
    })();
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

/**
 * Processes a whole file on this thread: `{output: Uint8Array, format, report, reportHtml,
 * records, note}`. `options`: `{format, policy, key, triage, name, lang, records, keep}`.
 */
export function processFile(bytes, options = {}) {
  requireLoaded();
  return wasm.processFile(bytes, withPolicyVersion(options));
}

function withPolicyVersion(options) {
  const { policy } = options;
  if (policy === undefined || policy === null || typeof policy === 'string') return options;
  return { ...options, policy: { version: 1, ...policy } };
}

/** The id of the inlined worker source in a single-file page. */
const WORKER_ID = 'weglakker-worker';

/** Starts one worker: from the inlined source (a Blob URL) or from worker.js next to this file. */
function spawnWorker() {
  const inline = typeof document !== 'undefined' && document.getElementById(WORKER_ID);
  if (inline) {
    const url = URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }));
    // Classic, not module: Chromium refuses module workers from blob:null (file:// pages).
    const worker = new Worker(url, { name: 'weglakker' });
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return worker;
  }
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'weglakker' });
}

/** The shared worker pool (one worker per core, at most 4), started on first use. */
function workerPool() {
  requireLoaded();
  if (!pool) pool = pools.createPool({ module: compiled, spawn: spawnWorker });
  return pool;
}

/**
 * What the pool needs to know before the core decides: `jsonl` (cut into line-aligned
 * chunks), `text`, or `auto` (any other format: the core detects it, in one job).
 */
export function detectFormat(bytes, name = '', format = 'auto') {
  if (format !== 'auto') return format;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (['json', 'js', 'csv', 'tsv', 'zip', 'xlsx'].includes(ext)) return 'auto';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'auto'; // a zip
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] !== 0x7b) return 'auto';
  // `{` first: JSON Lines when the first line is a whole JSON value, else a JSON document.
  let end = bytes.indexOf(0x0a, i);
  if (end === -1) end = bytes.length;
  try {
    JSON.parse(new TextDecoder().decode(bytes.subarray(i, end)));
    return 'jsonl';
  } catch {
    return 'auto';
  }
}

/** Line-aligned chunks of a JSON Lines file: `[{start, end, firstLine}]`. */
function chunksOf(bytes, size) {
  const chunks = [];
  let start = 0;
  let line = 1;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + size);
    if (end < bytes.length) {
      const nl = bytes.indexOf(0x0a, end - 1);
      end = nl === -1 ? bytes.length : nl + 1;
    }
    chunks.push({ start, end, firstLine: line });
    for (let i = bytes.indexOf(0x0a, start); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) line++;
    start = end;
  }
  if (chunks.length === 0) chunks.push({ start: 0, end: 0, firstLine: 1 });
  return chunks;
}

/**
 * Scans a file for review in the worker pool: JSON Lines in line-aligned chunks spread over
 * the workers, anything else as one job. Resolves to `{format, records}` with records
 * numbered over the whole file. `options`: processFile's, plus `onProgress({done, total,
 * records, bytes})`, `signal` (an AbortSignal: cancels, rejecting with an AbortError) and
 * `onlyFindings` (keep only records with findings: saves memory on a large export).
 * Resolves to `{format, records, total, note}`; `total` counts every record.
 * Pseudonyms are not consistent across chunks: use processWhole for the output.
 */
export async function processInWorkers(bytes, options = {}) {
  const { onProgress, signal, onlyFindings = false, ...rest } = options;
  const format = detectFormat(bytes, rest.name, rest.format ?? 'auto');
  const p = workerPool();
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const size = Math.max(64 * 1024, Math.min(4 * 1024 * 1024, Math.ceil(bytes.length / (p.size * 8))));
  const chunks = format === 'jsonl' && !utf16 ? chunksOf(bytes, size) : [{ start: 0, end: bytes.length, firstLine: 1 }];
  let detected = format;
  const base = withPolicyVersion({ ...rest, format, records: true, triage: false, onlyFindings });
  let done = 0;
  let records = 0;
  let doneBytes = 0;
  const onAbort = () => p.cancel();
  signal?.addEventListener('abort', onAbort);
  try {
    if (signal?.aborted) p.cancel();
    const results = await Promise.all(
      chunks.map((c) =>
        p.run(bytes.slice(c.start, c.end), { ...base, firstLine: c.firstLine }).then((result) => {
          done++;
          records += result.total;
          detected = result.format;
          doneBytes += c.end - c.start;
          onProgress?.({ done, total: chunks.length, records, bytes: doneBytes });
          return result;
        }),
      ),
    );
    // Chunks number their records from 0: add the records of the chunks before.
    const all = [];
    let total = 0;
    for (const r of results) {
      for (const rec of r.records) {
        rec.record += total;
        all.push(rec);
      }
      total += r.total;
    }
    return { format: detected, records: all, total, note: results[0]?.note ?? null };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Processes a whole file in ONE worker with one engine, so pseudonyms are consistent over
 * the file: the download. Resolves to processFile's result (records left out by default).
 */
export function processWhole(bytes, options = {}) {
  const format = detectFormat(bytes, options.name, options.format ?? 'auto');
  return workerPool().run(bytes, withPolicyVersion({ records: false, ...options, format }));
}

/** Ends every running worker job (they reject with an AbortError). */
export function cancel() {
  pool?.cancel();
}
