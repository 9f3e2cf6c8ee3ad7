// weglakker in the browser: a small facade over the WebAssembly module.
//
//   import { load, engine, scan, anonymise } from './weglakker.js';
//   await load();                                   // once; later calls return the same promise
//   scan('mail jan@example.nl');                    // [{kind: 'email', start: 5, end: 19, ...}]
//   anonymise('mail jan@example.nl').text;          // 'mail [E-MAIL-1]'
//   const e = engine({ policy: { deny: ['Zeemeeuw'] }, kinds: ['person', 'email'] });
//   e.scan(text); e.anonymise(text); e.reset();
//   processFile(bytes, { format: 'jsonl', policy });  // whole file, on this thread
//   const s = session({ format: 'jsonl', policy }); s.chunk(a); s.chunk(b); s.finish();
//   const review = await processInWorkers(file, { format: 'jsonl', policy, onProgress, signal });
//   await review.records([0, 1, 2]);              // records kept by the workers
//   await processWhole(file, { format: 'jsonl', policy, keep });  // the download: output a Blob
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

/**
 * A session on this thread: a large JSON Lines (or text) file fed chunk by chunk with one
 * engine and one anonymiser (`chunk(bytes)` → output so far, `finish()` → the rest and the
 * report, `free()`). processWhole runs one in a worker.
 */
export function session(options = {}) {
  requireLoaded();
  return new wasm.Session(withPolicyVersion(options));
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
  if (ext === 'xlsx') return 'xlsx'; // a zip inside: the core's own guess would be `zip`
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

function abortError() {
  const err = new Error('cancelled');
  err.name = 'AbortError';
  return err;
}

/** `bytes` as a Blob (a Blob or File is taken as it is, never copied). */
function asBlob(source) {
  return typeof Blob !== 'undefined' && source instanceof Blob ? source : new Blob([source]);
}

/** The first bytes of `blob`: enough to tell the format and the encoding. */
async function headOf(blob) {
  return new Uint8Array(await blob.slice(0, 1 << 20).arrayBuffer());
}

const isUtf16 = (head) => head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));

/**
 * Line-aligned chunks of about `size` bytes of a JSON Lines Blob: `[{start, end,
 * firstLine}]`. Reads the Blob slice by slice (never all of it at once) to find the
 * newlines and count lines, so every chunk knows its first line number.
 */
async function chunksOf(blob, size, signal) {
  const STEP = 8 << 20;
  const chunks = [];
  let start = 0;
  let line = 1;
  let firstLine = 1;
  for (let pos = 0; pos < blob.size; pos += STEP) {
    const buf = new Uint8Array(await blob.slice(pos, pos + STEP).arrayBuffer());
    if (signal?.aborted) throw abortError();
    for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, i + 1)) {
      line++;
      if (pos + i + 1 - start >= size) {
        chunks.push({ start, end: pos + i + 1, firstLine });
        start = pos + i + 1;
        firstLine = line;
      }
    }
  }
  if (start < blob.size || chunks.length === 0) chunks.push({ start, end: blob.size, firstLine });
  return chunks;
}

let scans = 0;

/** True for a file the workers read as CSV in passes (csv, linkedin, or a .csv/.tsv name). */
function isCsv(format, name = '') {
  return format === 'csv' || format === 'linkedin' || (format === 'auto' && /\.(csv|tsv)$/i.test(name));
}

/**
 * Scans a file (a Blob, File or bytes) for review in the worker pool: JSON Lines in
 * line-aligned chunks spread over the workers, CSV in passes by one worker that keeps
 * where each record is, anything else as one job. The workers keep
 * the records; this resolves to a compact {@link Review} summary over every record, whose
 * `records(numbers)` asks the workers for the records to show. `options`: processFile's,
 * plus `onProgress({done, total, records, bytes})` and `signal` (an AbortSignal: cancels,
 * rejecting with an AbortError). Pseudonyms are not consistent across chunks: use
 * processWhole for the output.
 */
export async function processInWorkers(source, options = {}) {
  const { onProgress, signal, onlyFindings, ...rest } = options;
  const blob = asBlob(source);
  const head = await headOf(blob);
  const format = detectFormat(head, rest.name, rest.format ?? 'auto');
  const p = workerPool();
  const lines = format === 'jsonl' && !isUtf16(head);
  const size = Math.max(64 * 1024, Math.min(4 * 1024 * 1024, Math.ceil(blob.size / (p.size * 8))));
  const chunks = lines ? await chunksOf(blob, size, signal) : [{ start: 0, end: blob.size, firstLine: 1 }];
  const base = withPolicyVersion({ ...rest, format, triage: false });
  const scan = ++scans;
  let done = 0;
  let records = 0;
  let doneBytes = 0;
  const onAbort = () => p.cancel();
  signal?.addEventListener('abort', onAbort);
  try {
    if (signal?.aborted) throw abortError();
    if (isCsv(format, rest.name)) {
      // CSV: one worker reads the file in passes and keeps where each record is.
      const message = { type: 'csvscan', blob, scan, options: base };
      const progress = (m) => onProgress?.({ done: m.done, total: m.total, records: m.records, bytes: m.done / 3 });
      const { result, slot, generation } = await p.send(message, { onProgress: progress });
      return review(p, scan, result.parts.map((part) => ({ result: part, slot, generation })));
    }
    const results = await Promise.all(
      chunks.map((c, chunk) =>
        p.send({ type: 'scan', blob, start: c.start, end: c.end, scan, chunk, lines, options: { ...base, firstLine: c.firstLine } })
          .then((answer) => {
            done++;
            records += answer.result.total;
            doneBytes += c.end - c.start;
            onProgress?.({ done, total: chunks.length, records, bytes: doneBytes });
            return answer;
          }),
      ),
    );
    return review(p, scan, results);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Merges the chunks' summaries into one {@link Review} (records numbered over the file). */
function review(p, scan, answers) {
  const total = answers.reduce((n, a) => n + a.result.total, 0);
  const kindIds = wasm.kinds().map((k) => k.id);
  const decisionNames = [];
  const decisions = new Uint8Array(total);
  const kinds = new Uint32Array(total);
  const findings = new Uint32Array(total);
  const keys = new Uint32Array(2 * total);
  const kindTotals = new Map();
  const values = new Map();
  const fieldNames = new Set();
  const chunks = [];
  let first = 0;
  let findingCount = 0;
  for (const { result: s, slot, generation } of answers) {
    chunks.push({ first, count: s.total, slot, generation });
    const codes = s.decisionNames.map((d) => {
      const at = decisionNames.indexOf(d);
      return (at === -1 ? decisionNames.push(d) - 1 : at) + 1;
    });
    for (let i = 0; i < s.total; i++) {
      if (s.decisions[i]) decisions[first + i] = codes[s.decisions[i] - 1];
      findingCount += s.findings[i];
    }
    kinds.set(s.kinds, first);
    findings.set(s.findings, first);
    keys.set(s.keys, 2 * first);
    for (const [kind, [all, allowed]] of Object.entries(s.kindTotals)) {
      const t = kindTotals.get(kind) ?? { all: 0, allowed: 0 };
      t.all += all;
      t.allowed += allowed;
      kindTotals.set(kind, t);
    }
    for (const [value, n] of s.values) values.set(value, (values.get(value) ?? 0) + n);
    for (const name of s.fieldNames) fieldNames.add(name);
    first += s.total;
  }
  const last = answers.at(-1)?.result;
  return {
    format: last?.format ?? 'text', total, note: answers[0]?.result.note ?? null, findingCount,
    kindIds, decisionNames, decisions, kinds, findings, kindTotals, values, fieldNames: [...fieldNames],
    /** The records a policy's `triageOverrides` names: record number → decision. */
    overridden(overrides = {}) {
      const found = new Map();
      const entries = Object.entries(overrides);
      if (entries.length === 0) return found;
      const byHash = new Map(entries.map(([key, d]) => {
        const [a, b] = pools.keyHash(key);
        return [a, [b, d]];
      }));
      for (let i = 0; i < total; i++) {
        if (!decisions[i]) continue;
        const [a, b] = [keys[2 * i], keys[2 * i + 1]];
        if (a === 0 && b === 0) {
          const d = overrides[String(i)];
          if (d) found.set(i, d);
        } else {
          const hit = byHash.get(a);
          if (hit && hit[0] === b) found.set(i, hit[1]);
        }
      }
      return found;
    },
    /** The records numbered `numbers` (over the whole file), in that order. */
    async records(numbers) {
      const byChunk = new Map();
      numbers.forEach((n, at) => {
        let lo = 0;
        let hi = chunks.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (chunks[mid].first <= n) lo = mid;
          else hi = mid - 1;
        }
        const list = byChunk.get(lo) ?? [];
        list.push([n - chunks[lo].first, at]);
        byChunk.set(lo, list);
      });
      const out = new Array(numbers.length).fill(null);
      await Promise.all([...byChunk].map(async ([chunk, list]) => {
        const c = chunks[chunk];
        if (c.generation !== p.generation) throw new Error('the workers were stopped: scan again');
        const { result } = await p.send({ type: 'records', scan, chunk, numbers: list.map(([n]) => n) }, { slot: c.slot });
        result.forEach((r, i) => {
          if (r) r.record += c.first;
          out[list[i][1]] = r;
        });
      }));
      return out;
    },
  };
}

/**
 * Processes the whole file (a Blob, File or bytes) in ONE worker with one engine, so
 * pseudonyms are consistent over the file: the download. JSON Lines (and text without
 * triage or `keep`) go through a wasm Session chunk by chunk, CSV (and LinkedIn) through
 * a CsvSession in three passes of 2 MiB slices; the rest in one piece.
 * Resolves to processFile's result with `output` as a Blob (records left out).
 * `options.onProgress({done, total})`: bytes read so far (chunked formats).
 */
export async function processWhole(source, options = {}) {
  const { onProgress, ...rest } = options;
  const blob = asBlob(source);
  const head = await headOf(blob);
  const format = detectFormat(head, rest.name, rest.format ?? 'auto');
  const chunked = !isUtf16(head) && (format === 'jsonl' || (format === 'text' && !rest.triage && !rest.keep?.length));
  const p = workerPool();
  if (isCsv(format, rest.name)) {
    const { records, ...csvOptions } = rest;
    const message = { type: 'csvsession', blob, options: withPolicyVersion({ ...csvOptions, format }) };
    return (await p.send(message, { onProgress })).result;
  }
  if (chunked) {
    const { records, ...sessionOptions } = rest;
    const message = { type: 'session', blob, options: withPolicyVersion({ ...sessionOptions, format }), chunkSize: 8 << 20 };
    return (await p.send(message, { onProgress })).result;
  }
  return (await p.send({ type: 'process', blob, options: withPolicyVersion({ ...rest, records: false, format }) })).result;
}

/** Ends every running worker job (they reject with an AbortError). */
export function cancel() {
  pool?.cancel();
}
