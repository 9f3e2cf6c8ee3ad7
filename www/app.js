// The first weglakker page: paste text, see findings highlighted by kind, get the
// anonymised text. UI only; all detection is in the WebAssembly module (weglakker.js).
//
// Text from the user is only ever inserted as text nodes (textContent, createTextNode),
// never as HTML, so a post containing markup stays inert.

import * as weglakker from './weglakker.js';

/** Dutch names of the kinds, for the legend and tooltips. */
const KIND_NAMES = {
  person: 'Persoon',
  handle: 'Account',
  email: 'E-mailadres',
  phone: 'Telefoonnummer',
  ip: 'IP-adres',
  url: 'Webadres',
  address: 'Adres',
  location: 'Plaats',
  bsn: 'BSN',
  iban: 'IBAN',
  credit_card: 'Creditcard',
  license_plate: 'Kenteken',
  date: 'Datum',
  birth_date: 'Geboortedatum',
  health: 'Gezondheid',
  religion: 'Geloof',
  politics: 'Politieke voorkeur',
  ethnicity: 'Afkomst',
  sexual_orientation: 'Seksuele geaardheid',
  trade_union: 'Vakbond',
  criminal: 'Strafrechtelijk',
};

/** Synthetic example: every name, number and address here is made up. */
const SAMPLE = `@DefensieNL Goedemorgen! Mijn zoon Daan de Vries (geboren 14 maart 2006) wil solliciteren.
Kunt u mij terugbellen op 06-12345678 of mailen naar ria.devries@example.nl?
Ons adres is Kerkstraat 12a, 3511 AB Utrecht. Zie ook https://www.example.org/profiel/daan 🙂
IBAN NL91ABNA0417164300, kenteken 12-ABC-3, ingelogd vanaf 192.0.2.44.`;

const $ = (id) => document.getElementById(id);
let current = { key: null, engine: null };
let lastOutput = '';

function lines(id) {
  return $(id).value.split('\n').map((s) => s.trim()).filter(Boolean);
}

function kindName(kind) {
  return KIND_NAMES[kind] ?? kind;
}

/** One engine per policy; rebuilt only when the lists change. */
function engineFor(policy) {
  const key = JSON.stringify(policy);
  if (current.key !== key) {
    current.engine?.free();
    current = { key, engine: weglakker.engine({ policy }) };
  }
  return current.engine;
}

/** Renders `text` into `target` with `spans` ({kind, start, end}, UTF-16) as <mark>s. */
function renderMarked(target, text, spans) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const s of spans) {
    if (s.start < last) continue; // never happens (findings do not overlap); be safe
    frag.append(document.createTextNode(text.slice(last, s.start)));
    const mark = document.createElement('mark');
    mark.className = `soort k-${s.kind}`;
    mark.dataset.kind = s.kind;
    mark.title = kindName(s.kind);
    mark.textContent = text.slice(s.start, s.end);
    frag.append(mark);
    last = s.end;
  }
  frag.append(document.createTextNode(text.slice(last)));
  target.replaceChildren(frag);
}

function renderLegend(findings) {
  const counts = new Map();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const items = [...counts].map(([kind, n]) => {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `staal k-${kind}`;
    swatch.setAttribute('aria-hidden', 'true');
    li.append(swatch, document.createTextNode(`${kindName(kind)}: ${n}`));
    li.dataset.kind = kind;
    return li;
  });
  $('legenda').replaceChildren(...items);
}

function run() {
  const text = $('invoer').value;
  const policy = { deny: lines('altijd'), allow: lines('nooit') };
  try {
    const engine = engineFor(policy);
    const started = performance.now();
    const findings = engine.scan(text);
    engine.reset(); // each click is its own run: pseudonyms start at 1
    const out = engine.anonymise(text);
    const ms = Math.round(performance.now() - started);
    renderMarked($('gemarkeerd'), text, findings);
    renderLegend(findings);
    renderMarked(
      $('resultaat'),
      out.text,
      out.replacements.map((r) => ({ kind: r.kind, start: r.outputStart, end: r.outputEnd })),
    );
    lastOutput = out.text;
    $('kopieer').disabled = $('download').disabled = false;
    const n = findings.length;
    $('status').textContent = `${n} ${n === 1 ? 'vondst' : 'vondsten'} in ${ms} ms.`;
  } catch (err) {
    $('status').textContent = `Fout: ${err.message}`;
  }
}

async function openFile(event) {
  const file = event.target.files?.[0];
  if (!file) return;
  $('invoer').value = await file.text();
  run();
}

function download() {
  const url = URL.createObjectURL(new Blob([lastOutput], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'weggelakt.txt';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function main() {
  const started = performance.now();
  try {
    const { version } = await weglakker.load();
    const ms = Math.round(performance.now() - started);
    $('versie').textContent = `weglakker ${version}`;
    $('status').textContent = `Klaar (geladen in ${ms} ms). Plak een tekst en kies ‘Zoeken en weglakken’.`;
    $('zoek').disabled = false;
    document.body.dataset.ready = 'true';
  } catch (err) {
    $('status').textContent = `Kon weglakker niet laden: ${err.message}`;
    return;
  }
  $('zoek').addEventListener('click', run);
  $('voorbeeld').addEventListener('click', () => {
    $('invoer').value = SAMPLE;
    run();
  });
  $('bestand').addEventListener('change', openFile);
  $('kopieer').addEventListener('click', () => navigator.clipboard?.writeText(lastOutput));
  $('download').addEventListener('click', download);
}

main();
