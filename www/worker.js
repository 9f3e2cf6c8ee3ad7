// The processing worker: runs the WebAssembly module off the page's main thread, so the
// page never freezes on a large export, and keeps the scanned records of its chunks, so
// the page holds only a compact summary and asks for the records it shows.
//
// Protocol (messages from the page; every reply carries the message's `id`):
//   {type: 'init', module: WebAssembly.Module}            → {type: 'ready'} or {type: 'error'}
//   {type: 'process', id, bytes | blob, options}          → {type: 'done', id, result}
//      processFile on the whole file; `result.output` a Blob.
//   {type: 'scan', id, blob, start, end, scan, chunk, lines, options}
//      → {type: 'done', id, result: summary} (see `summarise`); the chunk's records stay
//      here under (scan, chunk). A new `scan` number forgets every older scan.
//   {type: 'records', id, scan, chunk, numbers}           → {type: 'done', id, result: records}
//      the records (numbered from 0 in the chunk), in the order asked.
//   {type: 'session', id, blob, options, chunkSize}       → {type: 'progress', id, done, total}…,
//      then {type: 'done', id, result}: the whole file through ONE wasm Session (one engine,
//      one anonymiser: consistent pseudonyms), read and written in chunks; `result.output`
//      is a Blob, never one giant string.
//   {type: 'csvscan', id, blob, scan, options}             → {type: 'progress', id, done, total, records}…,
//      then {type: 'done', id, result: {parts: [summary]}}: a CSV or LinkedIn file read in
//      passes by ONE wasm CsvSession (2 MiB slices, 1 MiB for the scan; never whole); each part's records stay
//      here under (scan, part number), as byte offsets when the file is UTF-8 (re-read
//      from the Blob when shown), else as JSON text.
//   {type: 'csvsession', id, blob, options}                → progress…, then {type: 'done', id,
//      result}: the download of a CSV or LinkedIn file through the CsvSession's passes
//      (one engine, one anonymiser, triage and `keep` as processFile); `result.output` a
//      Blob. A file the passes cannot read exactly (broken UTF-16) is read whole.
//   any failure                                           → {type: 'error', id, message}
//
// The input stays a Blob: the worker reads only its slice (`blob.slice(start, end)`).
//
// In the single-file page this file is inlined (scripts/inline-page.mjs) and started from a
// Blob URL; served, it is loaded from `worker.js` next to the facade.

import * as wasm from './pkg/weglakker.js';
import { keyHash } from './pool.js';

let ready = false;
/** The kinds' ids in the order of wasm.kinds(): bit i of a record's kind set is kinds[i]. */
let kindBit = new Map();
/** (chunk number → store) of the current scan; see `scanChunk`. */
let stores = new Map();
let currentScan = null;

/** Records re-read together when they are at most this far apart (one engine per read). */
const GAP = 64;

async function read(blob, start = 0, end = blob.size) {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/** A record as the page shows it: the fields with findings, and the post's main text (its
 * `text`, `full_text`, `Bericht`, `Hit Sentence`, ... field, whatever the format). */
function compact(r) {
  r.fields = r.fields.filter((f) => f.findings.length > 0 || wasm.isMainText(f.field));
  return r;
}

/** The key a policy's `triageOverrides` names a record by: its id as written (null: none,
 * the record is then named by its number in the file, which the page knows). */
function idKey(id) {
  if (id === null || id === undefined) return null;
  return typeof id === 'string' ? id : JSON.stringify(id);
}

/** Where each record (a line that is not blank) starts in `bytes`, and its line number. */
function lineStarts(bytes, firstLine) {
  const starts = [];
  const lines = [];
  let start = 0;
  let line = firstLine;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    let blank = true;
    for (let i = start; i < end && blank; i++) {
      const b = bytes[i];
      if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0b && b !== 0x0c) blank = false;
    }
    if (!blank) {
      starts.push(start);
      lines.push(line);
    }
    start = end + 1;
    line++;
  }
  starts.push(bytes.length);
  return { starts: Uint32Array.from(starts), lines: Uint32Array.from(lines) };
}

/**
 * The compact summary of a chunk's records, sent to the page: per record the decision
 * (`decisions[i]`: 0 none, else 1 + index into `decisionNames`), the kinds found (a bit
 * set), the number of findings and the hash of its id (`keys[2i]`, `keys[2i+1]`: see
 * pool.js `keyHash`; both 0 for a record without an id);
 * per kind `[all, allowed]`; per value (lower case) its number of findings; the field
 * names seen.
 */
function summarise(records) {
  const n = records.length;
  const decisions = new Uint8Array(n);
  const decisionNames = [];
  const kinds = new Uint32Array(n);
  const findings = new Uint32Array(n);
  const keys = new Uint32Array(2 * n);
  const kindTotals = {};
  const values = new Map();
  const fieldNames = new Set();
  for (let i = 0; i < n; i++) {
    const r = records[i];
    if (r.decision) {
      let d = decisionNames.indexOf(r.decision);
      if (d === -1) d = decisionNames.push(r.decision) - 1;
      decisions[i] = d + 1;
    }
    const id = idKey(r.id);
    if (id !== null) [keys[2 * i], keys[2 * i + 1]] = keyHash(id);
    let bits = 0;
    let count = 0;
    for (const field of r.fields) {
      fieldNames.add(field.field);
      for (const f of field.findings) {
        bits |= 1 << (kindBit.get(f.kind) ?? 31);
        count++;
        const total = kindTotals[f.kind] ?? (kindTotals[f.kind] = [0, 0]);
        total[0]++;
        if (f.allowed) total[1]++;
        const value = f.text.toLocaleLowerCase();
        values.set(value, (values.get(value) ?? 0) + 1);
      }
    }
    kinds[i] = bits >>> 0;
    findings[i] = count;
  }
  return {
    total: n, decisions, decisionNames, kinds, findings, keys,
    kindTotals, values: [...values], fieldNames: [...fieldNames],
  };
}

/** Forgets the stores of an older scan (and frees their CSV sessions). */
function forgetOlder(scan) {
  if (scan === currentScan) return;
  new Set([...stores.values()].map((s) => s.session).filter(Boolean)).forEach((s) => s.free());
  stores = new Map();
  currentScan = scan;
}

async function scanChunk(message) {
  const { blob, start, end, scan, chunk, lines, options } = message;
  forgetOlder(scan);
  const bytes = await read(blob, start, end);
  const result = wasm.processFile(bytes, { ...options, records: true, firstRecord: 0 });
  const summary = summarise(result.records);
  summary.format = result.format;
  summary.note = result.note;
  // JSON Lines: only where each record starts is kept (8 bytes a record); the records are
  // scanned again from the Blob when shown (50 at a time: milliseconds). Anything else
  // cannot be cut: every record is kept, as JSON text (a quarter of the objects' memory).
  const store = { blob, start, options };
  const where = lines ? lineStarts(bytes, options.firstLine ?? 1) : null;
  if (where && where.lines.length === result.records.length) Object.assign(store, where);
  else store.json = result.records.map((r) => JSON.stringify(compact(r)));
  stores.set(chunk, store);
  return summary;
}

async function recordsOf({ scan, chunk, numbers }) {
  const store = scan === currentScan ? stores.get(chunk) : undefined;
  if (!store) throw new Error('these records are no longer kept: scan again');
  if (store.json) return numbers.map((n) => (store.json[n] === undefined ? null : JSON.parse(store.json[n])));
  if (store.session) return csvRecords(store, numbers);
  const found = new Map();
  const missing = [...numbers].sort((a, b) => a - b);
  // Scan runs of records again from the Blob, one read per run.
  for (let i = 0; i < missing.length;) {
    let j = i;
    while (j + 1 < missing.length && missing[j + 1] - missing[j] <= GAP) j++;
    const [a, b] = [missing[i], missing[j]];
    if (!store.starts || b + 1 >= store.starts.length) throw new Error(`record ${a} is not in this chunk`);
    const bytes = await read(store.blob, store.start + store.starts[a], store.start + store.starts[b + 1]);
    const again = wasm.processFile(bytes, { ...store.options, records: true, firstRecord: a, firstLine: store.lines[a] });
    for (const r of again.records) found.set(r.record, compact(r));
    i = j + 1;
  }
  return numbers.map((n) => found.get(n) ?? null);
}

/** A download's output as it comes, chunk by chunk: the parts are folded into a Blob once
 * more than `limit` bytes are pending, so they do not pile up in this worker's memory. */
function outputSink(limit) {
  let output = new Blob([]);
  let parts = [];
  let pending = 0;
  return {
    add(bytes) {
      if (bytes.length) parts.push(bytes);
      pending += bytes.length;
      if (pending > limit) {
        output = new Blob([output, ...parts]);
        parts = [];
        pending = 0;
      }
    },
    /** The whole output, `last` (the session's rest) at the end. */
    finish(last) {
      return new Blob([output, ...parts, last]);
    },
  };
}

async function session({ id, blob, options, chunkSize = 8 << 20 }) {
  const s = new wasm.Session(options);
  try {
    const output = outputSink(4 * chunkSize);
    for (let at = 0; at < blob.size || at === 0; at += chunkSize) {
      output.add(s.chunk(await read(blob, at, Math.min(blob.size, at + chunkSize))));
      self.postMessage({ type: 'progress', id, done: Math.min(blob.size, at + chunkSize), total: blob.size });
      if (blob.size === 0) break;
    }
    const result = s.finish();
    result.output = output.finish(result.output);
    return result;
  } finally {
    s.free();
  }
}

/** A CSV part's records, re-read from the Blob by their byte offsets (runs at most GAP apart). */
async function csvRecords(store, numbers) {
  const found = new Map();
  const missing = [...numbers].filter((n) => n >= 0 && n < store.starts.length).sort((a, b) => a - b);
  for (let i = 0; i < missing.length;) {
    let j = i;
    while (j + 1 < missing.length && missing[j + 1] - missing[j] <= GAP) j++;
    const [a, b] = [missing[i], missing[j]];
    const bytes = await read(store.blob, store.starts[a], store.ends[b]);
    for (const r of store.session.rescan(bytes, store.first + a)) {
      r.record -= store.first;
      found.set(r.record, compact(r));
    }
    i = j + 1;
  }
  return numbers.map((n) => found.get(n) ?? null);
}

/** Reads `blob` in slices of `step` bytes, handing each to `feed`; `after(end)` then. */
async function eachSlice(blob, feed, after, step = CSV_STEP) {
  for (let at = 0; at < blob.size; at += step) {
    const end = Math.min(blob.size, at + step);
    feed(await read(blob, at, end));
    after(end);
  }
}

const CSV_STEP = 2 << 20;
/** The review pass reads smaller slices: each slice's records become JS objects at once
 * (summarised, then garbage), so a smaller slice keeps the worker's heap small. */
const CSV_SCAN_STEP = 1 << 20;

/**
 * A CsvSession over `blob` after its first two passes (the bytes, then the rows: the
 * plan), or null when the passes cannot give exactly the whole-file result. `progress(n)`:
 * bytes read so far over every pass.
 */
async function csvPlanned(blob, options, progress) {
  const s = new wasm.CsvSession(options, await read(blob, 0, Math.min(blob.size, 1 << 20)));
  try {
    await eachSlice(blob, (b) => s.survey(b), (end) => progress(end));
    if (!s.exact()) {
      s.free();
      return null;
    }
    await eachSlice(blob, (b) => s.learn(b), (end) => progress(blob.size + end));
    s.plan();
    return s;
  } catch (err) {
    s.free();
    throw err;
  }
}

async function csvScan({ id, blob, scan, options }) {
  forgetOlder(scan);
  const progress = (done, records = 0) => self.postMessage({ type: 'progress', id, done, total: 3 * blob.size, records });
  const s = await csvPlanned(blob, options, progress);
  if (!s) return { parts: [await scanChunk({ blob, start: 0, end: blob.size, scan, chunk: 0, lines: false, options })] };
  const parts = [];
  let first = 0;
  const take = (batch, always = false) => {
    const { records } = batch;
    if (records.length === 0 && !always) return;
    const summary = summarise(records);
    summary.format = s.format();
    summary.note = s.note() ?? null;
    // UTF-8: where each record is (16 bytes a record); else the records as JSON text.
    const store = s.resumable()
      ? { session: s, blob, first, starts: batch.starts, ends: batch.ends }
      : { session: null, first, json: records.map((r) => JSON.stringify(compact({ ...r, record: r.record - first }))) };
    stores.set(parts.length, store);
    parts.push(summary);
    first += records.length;
  };
  try {
    await eachSlice(blob, (b) => take(s.scan(b)), (end) => progress(2 * blob.size + end, first), CSV_SCAN_STEP);
    take(s.finishScan());
    if (parts.length === 0) take({ records: [], starts: new Float64Array(0), ends: new Float64Array(0) }, true);
  } catch (err) {
    stores = new Map();
    s.free();
    throw err;
  }
  if (!s.resumable()) s.free();
  return { parts };
}

async function csvSession({ id, blob, options }) {
  const progress = (done) => self.postMessage({ type: 'progress', id, done, total: 3 * blob.size });
  const s = await csvPlanned(blob, options, progress);
  if (!s) return whole({ blob, options });
  try {
    const output = outputSink(4 * CSV_STEP);
    await eachSlice(blob, (bytes) => output.add(s.write(bytes)), (end) => progress(2 * blob.size + end));
    const result = s.finishWrite();
    result.output = output.finish(result.output);
    return result;
  } finally {
    s.free();
  }
}

async function whole({ bytes, blob, options }) {
  const result = wasm.processFile(bytes ?? (await read(blob)), options);
  result.output = new Blob([result.output]);
  return result;
}

const handlers = { process: whole, scan: scanChunk, records: recordsOf, session, csvscan: csvScan, csvsession: csvSession };

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      wasm.initSync({ module: message.module });
      kindBit = new Map(wasm.kinds().map((k, i) => [k.id, i]));
      ready = true;
      self.postMessage({ type: 'ready' });
    } catch (err) {
      self.postMessage({ type: 'error', message: String(err?.message ?? err) });
    }
    return;
  }
  const { id } = message;
  const handler = handlers[message.type];
  if (!ready || !handler) {
    self.postMessage({ type: 'error', id, message: ready ? `unknown message ${message.type}` : 'worker not initialised' });
    return;
  }
  try {
    const result = await handler(message);
    const transfer = [];
    for (const part of message.type === 'scan' ? [result] : message.type === 'csvscan' ? result.parts : []) {
      transfer.push(part.decisions.buffer, part.kinds.buffer, part.findings.buffer, part.keys.buffer);
    }
    self.postMessage({ type: 'done', id, result }, transfer);
  } catch (err) {
    self.postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
};
