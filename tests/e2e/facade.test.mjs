// The JS facade (www/dist/weglakker.js, as embedders import it) in Node: load once, the
// module-level helpers, engines with options, UTF-16 offsets and errors. Uses the build
// output of `make dist`; findings come from deny lists, so this holds whatever the detectors
// find.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const DIST = new URL('../../www/dist/', import.meta.url);
const weglakker = await import(new URL('weglakker.js', DIST));
const bytes = readFileSync(new URL('pkg/weglakker_bg.wasm', DIST));

test('using the facade before load() throws a clear error', () => {
  assert.throws(() => weglakker.scan('x'), /call and await load\(\) first/);
});

test('load() runs once and reports the version and kinds', async () => {
  const first = weglakker.load(bytes);
  assert.equal(weglakker.load(), first, 'the same promise');
  const { version, kinds } = await first;
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.equal(kinds.length, 21);
  assert.deepEqual(kinds.find((k) => k.id === 'email'), { id: 'email', group: 'identifier', nl: 'E-MAIL', en: 'EMAIL' });
  assert.equal(weglakker.version(), version);
});

test('scan and anonymise with a policy; offsets are UTF-16', async () => {
  await weglakker.load(bytes);
  const policy = { deny: ['Zeemeeuw'] }; // version may be left out
  const text = '😀 café Zeemeeuw 👩‍👩‍👧 zeemeeuw';
  const found = weglakker.scan(text, policy).filter((f) => f.rule === 'deny');
  assert.deepEqual(found.map((f) => [f.kind, f.start, f.end, f.text]), [
    ['person', 8, 16, 'Zeemeeuw'],
    ['person', 26, 34, 'zeemeeuw'],
  ]);
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);

  weglakker.reset(policy);
  const out = weglakker.anonymise(text, policy);
  assert.equal(out.text, '😀 café [PERSOON-1] 👩‍👩‍👧 [PERSOON-1]');
  for (const r of out.replacements) {
    assert.equal(out.text.slice(r.outputStart, r.outputEnd), '[PERSOON-1]');
    assert.match(text.slice(r.start, r.end), /^zeemeeuw$/i);
  }
  // The same policy shares one run: numbering goes on; reset() starts again.
  assert.equal(weglakker.anonymise('Aalscholver', { deny: ['Aalscholver', 'Zeemeeuw'] }).text, '[PERSOON-1]');
  assert.equal(weglakker.anonymise('Zeemeeuw', policy).text, '[PERSOON-1]');
  weglakker.reset();
  assert.equal(weglakker.anonymise('Zeemeeuw', policy).text, '[PERSOON-1]');
});

test('engine(options): kinds, JSON policies, reset, errors', async () => {
  await weglakker.load(bytes);
  const e = weglakker.engine({
    policy: JSON.stringify({ version: 1, labels: 'en', deny: ['Zeemeeuw', 'Aalscholver'] }),
    kinds: ['person'],
  });
  assert.equal(e.anonymise('Zeemeeuw, Aalscholver').text, '[PERSON-1], [PERSON-2]');
  assert.equal(e.anonymise('aalscholver').text, '[PERSON-2]');
  e.reset();
  assert.equal(e.anonymise('aalscholver').text, '[PERSON-1]');
  assert.equal(e.policy().labels, 'en');
  assert.deepEqual(e.scan('niets hier'), []);
  e.free();

  assert.throws(() => weglakker.engine({ kinds: ['telefoon'] }), (err) => err instanceof Error && /telefoon/.test(err.message));
  assert.throws(
    () => weglakker.engine({ policy: { operators: { email: { type: 'shred' } } } }),
    (err) => err instanceof Error && /shred/.test(err.message),
  );
  assert.throws(() => weglakker.scan('x', '{broken'), /policy/);
  // The default engine scans anything without throwing, lone surrogates included.
  assert.ok(Array.isArray(weglakker.scan('mail jan@example.nl \uD800 bel 06-12345678')));
});

test('processFile: a whole JSON Lines file, records with UTF-16 offsets, errors name the line', async () => {
  await weglakker.load(bytes);
  const input = new TextEncoder().encode('{"id":1,"text":"😀 Zeemeeuw"}\n\n{"id":2,"text":"zeemeeuw"}\n');
  const done = weglakker.processFile(input, { format: 'auto', name: 'x.jsonl', policy: { deny: ['Zeemeeuw'] } });
  assert.equal(done.format, 'jsonl');
  const out = new TextDecoder().decode(done.output);
  const first = out.match(/"😀 (\[PERSOON-\d+\])"/)?.[1];
  assert.ok(first, out);
  assert.ok(out.includes(`"text":"${first}"`), out);
  assert.deepEqual(done.records.map((r) => r.line), [1, 3]);
  const hit = done.records[0].fields[0].findings.find((f) => f.rule === 'deny');
  assert.equal(done.records[0].fields[0].text.slice(hit.start, hit.end), 'Zeemeeuw');
  assert.equal(done.report.input.name, 'x.jsonl');
  assert.throws(() => weglakker.processFile(new TextEncoder().encode('{}\n{nope'), { format: 'jsonl' }), /line 2/);
  assert.equal(weglakker.detectFormat(input, 'export'), 'jsonl');
  // anything but JSON Lines and plain-text names is left to the core
  assert.equal(weglakker.detectFormat(new TextEncoder().encode('Hoi'), 'a.txt'), 'text');
  assert.equal(weglakker.detectFormat(new TextEncoder().encode('a,b\n1,2'), 'x.csv'), 'auto');
  const csv = weglakker.processFile(new TextEncoder().encode('id,text\n1,Zeemeeuw hier\n'), { name: 'x.csv', policy: { deny: ['Zeemeeuw'] } });
  assert.equal(csv.format, 'csv');
  assert.match(new TextDecoder().decode(csv.output), /^id,text\n1,\[PERSOON-\d+\] hier\n$/);
  // every format's records carry their triage decision (the page filters by it)
  assert.equal(csv.records[0].decision, 'not_archived_sentiment');
});

test('session(): a file fed in chunks cut anywhere, one run of pseudonyms, the report at the end', async () => {
  await weglakker.load(bytes);
  const input = new TextEncoder().encode('{"text":"😀 Zeemeeuw"}\n{"text":"Aalscholver"}\n{"text":"zeemeeuw, aalscholver"}');
  const s = weglakker.session({ format: 'jsonl', name: 'x.jsonl', policy: { deny: ['Zeemeeuw', 'Aalscholver'] } });
  const parts = [];
  for (let at = 0; at < input.length; at += 5) parts.push(s.chunk(input.subarray(at, at + 5)));
  const done = s.finish();
  s.free();
  parts.push(done.output);
  const lines = new TextDecoder().decode(Buffer.concat(parts)).split('\n').map((l) => JSON.parse(l).text);
  const [a, b] = [lines[0].slice(3), lines[1]];
  assert.match(a, /^\[PERSOON-\d+\]$/);
  assert.notEqual(a, b);
  assert.equal(lines[2], `${a}, ${b}`);
  assert.equal(done.report.records.written, 3);
  assert.equal(done.report.input.size, input.length);
  assert.throws(() => weglakker.session({ format: 'csv' }), (err) => err instanceof Error && /csv/.test(err.message));
  // an xlsx workbook is a zip: the facade names the format by its extension
  assert.equal(weglakker.detectFormat(new Uint8Array([0x50, 0x4b, 3, 4]), 'lijst.xlsx'), 'xlsx');
});
