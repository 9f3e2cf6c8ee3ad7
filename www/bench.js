// The browser benchmark (www/bench.html, run by scripts/bench-page.mjs): the measurements of
// examples/scan_speed.rs, in WebAssembly on the page's main thread, on the same corpus.
//
//   scan     Engine.scan on every record's text (one boundary crossing per record, the
//            findings converted to JS objects with UTF-16 offsets, as the facade returns them)
//   process  processFile on the whole JSONL file without records (parse, scan, anonymise,
//            report: the work of a download; records: false, as natively)
//
// Medians of `rounds` timed rounds after one warm-up round. The result is also left in
// `window.benchResult` for the script.
import * as weglakker from './weglakker.js';

const params = new URLSearchParams(location.search);
const corpus = params.get('corpus') ?? 'bench-corpus.jsonl';
const rounds = Math.max(1, Number(params.get('rounds') ?? 5));
const status = document.getElementById('status');
const results = document.getElementById('results');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f) {
  f();
  const ms = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return ms;
}

function row(name, mb, ms) {
  const tr = document.createElement('tr');
  for (const v of [name, (mb / (median(ms) / 1000)).toFixed(2), ms.map((x) => x.toFixed(0)).join(' ')]) {
    const td = document.createElement('td');
    td.textContent = v;
    tr.append(td);
  }
  results.append(tr);
}

try {
  await weglakker.load();
  const bytes = new Uint8Array(await (await fetch(corpus)).arrayBuffer());
  const texts = new TextDecoder().decode(bytes).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text);
  const textBytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
  status.textContent = `Measuring ${texts.length} records…`;
  const engine = weglakker.engine();
  const scan = time(() => texts.reduce((n, t) => n + engine.scan(t).length, 0));
  row('scan', textBytes / 1e6, scan);
  const process = time(() => weglakker.processFile(bytes, { format: 'jsonl', records: false }).output.length);
  row('process', bytes.length / 1e6, process);
  window.benchResult = {
    records: texts.length,
    textBytes,
    fileBytes: bytes.length,
    scanMBps: textBytes / 1e6 / (median(scan) / 1000),
    processMBps: bytes.length / 1e6 / (median(process) / 1000),
  };
  status.textContent = 'Done.';
} catch (err) {
  status.textContent = `Error: ${err.message}`;
  window.benchResult = { error: err.message };
}
